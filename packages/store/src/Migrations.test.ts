import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { entityKinds, idPrefixes } from "@care-atlas/domain";
import { afterAll, describe, expect, it } from "vitest";
import { loadMigrations } from "./Migrations.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const folder = (files: Record<string, string>): URL => {
  const dir = mkdtempSync(join(tmpdir(), "care-atlas-migrations-"));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return pathToFileURL(`${dir}/`);
};

describe("loadMigrations", () => {
  it("finds the package's migrations, numbered from 1, with sha256 checksums", () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]?.name).toBe("bitemporal_register");
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses gaps and badly named files", () => {
    expect(() => loadMigrations(folder({ "0001_a.sql": "", "0003_c.sql": "" }))).toThrow(
      /expected version 2/,
    );
    expect(() => loadMigrations(folder({ "1_a.sql": "" }))).toThrow(/NNNN_name/);
    expect(() => loadMigrations(folder({}))).toThrow(/no migrations/);
  });

  it("gives a different checksum to a different text", () => {
    const [a] = loadMigrations(folder({ "0001_a.sql": "select 1;" }));
    const [b] = loadMigrations(folder({ "0001_a.sql": "select 2;" }));
    expect(a?.checksum).not.toBe(b?.checksum);
  });

  it("knows every entity kind of the domain, with its id prefix", () => {
    const sql = loadMigrations()[0]?.sql ?? "";
    const kinds = /check \(kind in \(([^)]*)\)\)/.exec(sql)?.[1] ?? "";
    expect(
      kinds
        .match(/'[A-Za-z]+'/g)
        ?.map((k) => k.slice(1, -1))
        .sort(),
    ).toEqual([...entityKinds].sort());
    for (const kind of entityKinds) {
      expect(sql).toContain(`when '${kind}' then '${idPrefixes[kind]}'`);
    }
  });
});
