import { describe, expect, it } from "vitest";
import { answerEtag, bodyEtag, etagMatches } from "./Etag.js";

describe("ETags of answers", () => {
  it("are weak digests of the answer without its data version", () => {
    const a = bodyEtag({ data: { id: "plc_synthetic01", name: "A" }, dataVersion: 12 });
    expect(a).toMatch(/^W\/"[A-Za-z0-9_-]{20}"$/);
    expect(bodyEtag({ data: { id: "plc_synthetic01", name: "A" }, dataVersion: 99 })).toBe(a);
    expect(bodyEtag({ data: { id: "plc_synthetic01", name: "B" }, dataVersion: 12 })).not.toBe(a);
    expect(answerEtag("{}")).not.toBe(answerEtag("[]"));
  });

  it("match If-None-Match weakly, in lists, and with *", () => {
    expect(etagMatches('"abc", W/"def"', 'W/"def"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches("*", 'W/"x"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
  });
});
