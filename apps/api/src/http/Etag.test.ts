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

  it("keep their definition across releases: SHA-1 of the UTF-8 text, base64url, 20 characters", () => {
    // A client holding a tag from an earlier release keeps getting 304s for the same answer.
    expect(answerEtag('{"data":{"name":"Synthetic – café"}}')).toBe('W/"L-0QJk0XqNOh9YVWI5aP"');
  });

  it("match If-None-Match weakly, in lists, and with *", () => {
    expect(etagMatches('"abc", W/"def"', 'W/"def"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches("*", 'W/"x"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
  });
});
