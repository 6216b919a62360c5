import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutResponseExamples } from "../src/openapiDocument.js";
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

  it("has lint rules that report an operation, a property or a response left undocumented", async () => {
    const { document } = await servedDocument();
    const broken = structuredClone(document) as {
      paths: Record<
        string,
        Record<
          string,
          {
            description?: string;
            responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
          }
        >
      >;
      components: {
        schemas: Record<string, { properties?: Record<string, { description?: string }> }>;
      };
    };
    const places = broken.paths["/v1/places"]?.get;
    if (places === undefined) throw new Error("no GET /v1/places");
    delete places.description;
    const media = places.responses["200"]?.content?.["application/json"];
    if (media === undefined) throw new Error("no JSON answer");
    delete media.example;
    const name = broken.components.schemas.Place?.properties?.name;
    if (name === undefined) throw new Error("no Place.name");
    delete name.description;
    broken.components.schemas.Place = {
      ...broken.components.schemas.Place,
      properties: { ...broken.components.schemas.Place?.properties, name: { ...name } },
    };
    const file = join(mkdtempSync(join(tmpdir(), "care-atlas-openapi-")), "openapi.json");
    writeFileSync(file, JSON.stringify(broken));
    let output = "";
    try {
      execFileSync(
        join(apiDir, "node_modules/.bin/redocly"),
        ["lint", file, "--config", join(apiDir, "redocly.yaml"), "--format", "stylish"],
        { cwd: apiDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout ?? "");
    }
    expect(output).toContain("operation-description");
    expect(output).toContain("rule/response-example");
    expect(output).toMatch(/care-atlas\/property-description.*"name"/);
  }, 120_000);

  it("matches the committed client types (packages/client/src/schema.ts): regenerate with `pnpm --filter @care-atlas/client generate`", async () => {
    const { document } = await servedDocument();
    const file = join(mkdtempSync(join(tmpdir(), "care-atlas-openapi-")), "openapi.json");
    writeFileSync(
      file,
      JSON.stringify(withoutResponseExamples(JSON.parse(JSON.stringify(document))), null, 2),
    );
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
