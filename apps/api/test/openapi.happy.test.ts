import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answers } from "./answers.js";
import { getJson } from "./harness.js";

const apiDir = new URL("..", import.meta.url).pathname;
const clientDir = new URL("../../../packages/client/", import.meta.url).pathname;

const servedDocument = async () => {
  const document = await getJson("/openapi.json", answers.document);
  const file = join(mkdtempSync(join(tmpdir(), "care-atlas-openapi-")), "openapi.json");
  writeFileSync(file, JSON.stringify(document, null, 2));
  return { document, file };
};

describe("the served OpenAPI document", () => {
  it("is OpenAPI 3.1 with the domain's schemas as components", async () => {
    const { document } = await servedDocument();
    expect(document.openapi).toBe("3.1.0");
    const schemas = Object.keys((document.components as { schemas: object }).schemas);
    expect(schemas).toEqual(
      expect.arrayContaining(["Place", "Organisation", "Neighbourhood", "Period", "Problem"]),
    );
  });

  it("passes @redocly/cli lint", async () => {
    const { file } = await servedDocument();
    const output = execFileSync(
      join(apiDir, "node_modules/.bin/redocly"),
      ["lint", file, "--config", join(apiDir, "redocly.yaml"), "--format", "stylish"],
      { cwd: apiDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(output).not.toMatch(/\berror\b/);
  }, 120_000);

  it("matches the committed client types (packages/client/src/schema.ts): regenerate with `pnpm --filter @care-atlas/client generate`", async () => {
    const { file } = await servedDocument();
    const generated = execFileSync(
      join(clientDir, "node_modules/.bin/openapi-typescript"),
      [file, "--default-non-nullable", "false"],
      {
        cwd: clientDir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const formatted = execFileSync(
      join(clientDir, "../../node_modules/.bin/biome"),
      ["format", "--stdin-file-path=src/schema.ts"],
      { cwd: clientDir, input: generated, encoding: "utf8" },
    );
    const committed = readFileSync(join(clientDir, "src/schema.ts"), "utf8");
    expect(formatted === committed, "packages/client/src/schema.ts is stale").toBe(true);
  }, 120_000);
});
