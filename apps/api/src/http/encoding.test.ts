import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, compress, encodedEtag } from "./encoding.js";

describe("chooseEncoding", () => {
  it("prefers br, then gzip, and honours q=0 and *", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0.2, gzip;q=0.8")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0")).toBeUndefined();
    expect(chooseEncoding("identity")).toBeUndefined();
    expect(chooseEncoding("deflate")).toBeUndefined();
    expect(chooseEncoding("")).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

describe("compress", () => {
  it("compresses bytes that decompress to the same bytes", () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ synthetic: "x".repeat(5000) }));
    expect(brotliDecompressSync(compress(bytes, "br"))).toEqual(Buffer.from(bytes));
    expect(gunzipSync(compress(bytes, "gzip"))).toEqual(Buffer.from(bytes));
    expect(compress(bytes, "br").byteLength).toBeLessThan(bytes.byteLength / 10);
  });
});

describe("encodedEtag", () => {
  it("keeps a weak ETag and suffixes a strong one", () => {
    expect(encodedEtag('W/"abc"', "br")).toBe('W/"abc"');
    expect(encodedEtag('"abc"', "gzip")).toBe('"abc-gzip"');
  });
});
