import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rawFromTexts, readRawDir } from "./raw.js";
import { attributionLines, repositories } from "./sourcesMd.js";

const raw = rawFromTexts(readRawDir(fileURLToPath(new URL("../../raw", import.meta.url))));
const sourcesMd = raw.text("sources");

describe("repositories", () => {
  it("reads every repository row of SOURCES.md's table", () => {
    const rows = sourcesMd.split("\n").filter((line) => / @ [0-9a-f]{40}/.test(line));
    const repos = repositories(sourcesMd);
    expect(repos.size).toBe(rows.length);
    for (const repo of repos.values()) {
      expect(sourcesMd).toContain(`| ${repo.key} | ${repo.repo} @ ${repo.commit}`);
    }
  });

  it("keeps the date note when there is one", () => {
    const repos = repositories(
      "| A-B | synthetic/one @ 0000000000000000000000000000000000000001 (2020-01-01) | x |\n| C | synthetic/two @ 0000000000000000000000000000000000000002 | y |",
    );
    expect(repos.get("A-B")).toEqual({
      key: "A-B",
      repo: "synthetic/one",
      commit: "0000000000000000000000000000000000000001",
      date: "2020-01-01",
    });
    expect(repos.get("C")?.date).toBeUndefined();
  });
});

describe("attributionLines", () => {
  it("takes the three quoted lines from SOURCES.md", () => {
    const lines = attributionLines(sourcesMd);
    for (const line of Object.values(lines)) expect(sourcesMd.replace(/\s+/g, " ")).toContain(line);
    expect(lines.os).toMatch(/^Contains OS data/);
    expect(lines.nhs).toMatch(/NHS England/);
  });

  it("fails loudly when a line is missing", () => {
    expect(() =>
      attributionLines("## Licences and attribution\n* ONS geography: none quoted\n"),
    ).toThrow(/no attribution line/);
  });
});
