import { describe, expect, it } from "vitest";
import { poundsBillionToPence } from "./governance.js";
import { quoted } from "./quotes.js";
import { rawFromTexts, rawPaths } from "./raw.js";

describe("poundsBillionToPence", () => {
  it("converts £…bn to whole pence without floating-point error", () => {
    expect(poundsBillionToPence("decisions worth £1.2bn")).toBe(120_000_000_000);
    expect(poundsBillionToPence("£6bn")).toBe(600_000_000_000);
    expect(poundsBillionToPence("£0.07bn")).toBe(7_000_000_000);
  });

  it("refuses a text with no amount", () => {
    expect(() => poundsBillionToPence("worth a lot")).toThrow(/no £…bn amount/);
  });
});

describe("quoted", () => {
  const raw = rawFromTexts(
    new Map([[rawPaths.seed003, "A synthetic board\nwas established on 1 May."]]),
  );

  it("returns words the seed contains, across line breaks", () => {
    expect(quoted(raw, "seed003", "board was established")).toBe("board was established");
  });

  it("throws when the seed does not say it", () => {
    expect(() => quoted(raw, "seed003", "was abolished")).toThrow(
      /seed003 does not say: "was abolished"/,
    );
  });
});
