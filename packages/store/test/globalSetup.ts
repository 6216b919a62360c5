/**
 * Initialises one empty PGlite data directory for the whole run (initdb takes ~6 s); the
 * harness copies it for every fresh PGlite database (~0.1 s).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "care-atlas-store-template-"));
  const dataDir = join(root, "pgdata");
  const db = await PGlite.create({ dataDir, extensions: { btree_gist } });
  await db.close();
  project.provide("pgliteTemplate", dataDir);
  return () => rmSync(root, { recursive: true, force: true });
}
