import { fileURLToPath } from "node:url";
import { Source } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { rawFromTexts, rawPaths, readRawDir } from "./raw.js";
import { sourceKeys } from "./sourceCatalogue.js";
import { buildSources } from "./sources.js";

const raw = rawFromTexts(readRawDir(fileURLToPath(new URL("../../raw", import.meta.url))));

describe("buildSources", () => {
  const sources = buildSources(raw);

  it("has one valid source per key, sorted", () => {
    expect(sources.map((s) => s.key)).toEqual(Object.values(sourceKeys).sort());
    for (const source of sources) expect(() => Source.parse(source)).not.toThrow();
  });

  it("licenses open data under OGL with an attribution and a pinned copy, and seeds as quoted texts", () => {
    for (const source of sources) {
      if (source.key.startsWith("seed-")) {
        expect(source.licence).toMatch(/not OGL/);
      } else {
        expect(source.licence).toBe("OGL-UK-3.0");
        expect(source.attribution).not.toContain("[year]");
        expect(source.url).toMatch(
          /^https:\/\/github\.com\/[^/]+\/[^/]+\/(blob|tree)\/[0-9a-f]{40}/,
        );
      }
    }
  });

  it("names the raw copy of each file in its note", () => {
    for (const [file, key] of Object.entries(sourceKeys)) {
      const source = sources.find((s) => s.key === key);
      expect(source?.note).toContain(`raw/${rawPaths[file as keyof typeof rawPaths]}`);
    }
  });
});
