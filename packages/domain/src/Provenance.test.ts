import { describe, expect, it } from "vitest";
import { Provenance, Source, SourceKey } from "./Provenance.js";

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((i) => ({ path: i.path.join("."), message: i.message })) ?? [];

const source = {
  key: "synthetic-source-2025",
  publisher: "Synthetic Publisher",
  dataset: "Synthetic dataset (synthetic.csv)",
  licence: "OGL-UK-3.0",
  dataDate: "2025-01-01",
};

describe("SourceKey", () => {
  it.each(["synthetic", "ods-epraccur-2025", "ons.census.2021", "a1"])("accepts %j", (key) => {
    expect(SourceKey.parse(key)).toBe(key);
  });

  it.each(["", "a", "Synthetic", "-synthetic", "synthetic key", "synthetic_key", "x".repeat(65)])(
    "rejects %j",
    (key) => {
      expect(issues(SourceKey.safeParse(key))).toEqual([
        { path: "", message: expect.stringMatching(/source key/) },
      ]);
    },
  );
});

describe("Source", () => {
  it("accepts a source with and without the optional fields", () => {
    expect(Source.parse(source)).toEqual(source);
    const full = {
      ...source,
      dataDate: null,
      url: "https://example.org/synthetic.csv",
      attribution: "Synthetic attribution",
      note: "",
    };
    expect(Source.parse(full)).toEqual(full);
  });

  it.each([
    ["a bad key", { key: "Not A Key" }, "key", /source key/],
    ["an empty publisher", { publisher: "" }, "publisher", />=1/],
    ["an empty dataset", { dataset: "" }, "dataset", />=1/],
    ["an empty licence", { licence: "" }, "licence", />=1/],
    ["a bad data date", { dataDate: "2025-02-30" }, "dataDate", /YYYY-MM-DD/],
    ["a missing data date (null when unknown)", { dataDate: undefined }, "dataDate", /./],
    ["a url that is not a URL", { url: "not a url" }, "url", /URL/i],
    ["an empty attribution", { attribution: "" }, "attribution", />=1/],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issues(Source.safeParse({ ...source, ...patch }))).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });
});

describe("Provenance", () => {
  it("accepts sources with an optional derivation note", () => {
    expect(Provenance.parse({ sources: ["synthetic"] })).toEqual({ sources: ["synthetic"] });
    expect(
      Provenance.parse({ sources: ["synthetic", "synthetic-2"], derivation: "summed" }),
    ).toEqual({
      sources: ["synthetic", "synthetic-2"],
      derivation: "summed",
    });
  });

  it.each([
    ["no sources", { sources: [] }, "sources", "at least one source is required"],
    [
      "a bad source key",
      { sources: ["synthetic", "BAD KEY"] },
      "sources.1",
      "must be a source key: lower-case letters, digits, '.', '-'",
    ],
    [
      "an empty derivation",
      { sources: ["synthetic"], derivation: "" },
      "derivation",
      "Too small: expected string to have >=1 characters",
    ],
    ["missing sources", {}, "sources", "Invalid input: expected array, received undefined"],
  ])("rejects %s, naming the field", (_, value, path, message) => {
    expect(issues(Provenance.safeParse(value))).toContainEqual({ path, message });
  });
});
