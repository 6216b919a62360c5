/**
 * Misses answered as fast as hits, and answers compressed when asked, over HTTP: a Care
 * Atlas of its own on a synthetic register (`@care-atlas/domain/testing`, every record
 * marked synthetic) with a synthetic directory in ONSPD's layout — the postcodes ZZ9 9Z…
 * and their LSOAs are all synthetic. A remembered miss is still a valid problem document
 * with the request's own id, and a postcode imported later is found (the miss was for the
 * data version before it).
 */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { syntheticRegister } from "@care-atlas/domain/testing";
import { runVerb } from "@care-atlas/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CareAtlas } from "../src/start.js";
import { answers } from "./answers.js";
import { expectProblem } from "./harness.js";
import { type OwnAtlas, rawGet, startOwnAtlas } from "./support/ownAtlas.js";

const register = syntheticRegister({ places: 1 });
const lsoa = register.lsoas[0]?.code;

const header = "pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lsoa21,lat,long";
const row = (postcode: string) =>
  `"${postcode.replace(" ", "")}","${postcode}","${postcode}","198001","","","","${lsoa}",53.400001,-2.300001`;

let own: OwnAtlas;
let atlas: CareAtlas;

const importPostcodes = (postcodes: ReadonlyArray<string>, published: string) =>
  runVerb(atlas.services.runtime, (r) =>
    r.importFile(
      {
        kind: "ons-postcodes",
        name: `synthetic-onspd-${published}.csv`,
        bytes: [header, ...postcodes.map(row)].join("\n"),
        published,
        licence: "synthetic",
      },
      { actor: "test:synthetic" },
    ),
  );

/** A GET over a plain Node socket (fetch would decode the answer itself). */
const raw = (path: string, headers: Record<string, string> = {}) =>
  rawGet(new URL(path, atlas.url), headers);

beforeAll(async () => {
  own = await startOwnAtlas(
    "misses",
    {},
    {
      loadDataset: async () => ({ snapshot: register, postcodes: [] }),
    },
  );
  atlas = own.atlas;
  await importPostcodes(["ZZ9 9ZC"], "2025-02-01");
}, 120_000);

afterAll(async () => {
  await own?.dispose();
});

describe("a postcode the register does not hold", () => {
  it("is a problem document with the request's own id every time, and is found once imported", async () => {
    const ask = (id: string) =>
      fetch(`${atlas.url}/v1/lookup/postcode/ZZ9%209ZF`, { headers: { "X-Request-Id": id } });
    const first = await expectProblem(await ask("synthetic-miss-1"), 404, "outside-coverage");
    expect(first.requestId).toBe("synthetic-miss-1");
    // Remembered: answered from the read cache, by the hot path, as the route answered it.
    for (const id of ["synthetic-miss-2", "synthetic-miss-3"]) {
      const response = await ask(id);
      expect(response.headers.get("x-request-id")).toBe(id);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const again = await expectProblem(response, 404, "outside-coverage");
      expect(again).toEqual({ ...first, requestId: id });
    }
    const plain = await raw("/v1/lookup/postcode/ZZ9%209ZF", {
      "X-Request-Id": "synthetic-miss-4",
    });
    expect(plain.status).toBe(404);
    expect(JSON.parse(plain.body.toString("utf8"))).toEqual({
      ...first,
      requestId: "synthetic-miss-4",
    });

    await importPostcodes(["ZZ9 9ZC", "ZZ9 9ZF"], "2025-05-01");
    const found = await fetch(`${atlas.url}/v1/lookup/postcode/ZZ9%209ZF`);
    expect(found.status).toBe(200);
    const body = answers.postcode.parse(await found.json());
    expect(body.data.postcode.postcode).toBe("ZZ9 9ZF");
  });
});

describe("compression", () => {
  const path = "/v1/lookup/postcode/ZZ9%209ZC";

  it("answers br or gzip as asked, the same bytes decoded, with Vary and the same weak ETag", async () => {
    const identity = await raw(path);
    expect(identity.status).toBe(200);
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.byteLength).toBeGreaterThan(1024);
    // Twice each: answered by the route, then from the read cache's compressed copy.
    for (let i = 0; i < 2; i++) {
      const br = await raw(path, { "Accept-Encoding": "gzip, deflate, br" });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(br.body)).toEqual(identity.body);
      expect(br.headers.vary).toContain("Accept-Encoding");
      expect(br.headers.etag).toBe(identity.headers.etag);
      expect(Number(br.headers["content-length"])).toBe(br.body.byteLength);
      expect(br.body.byteLength).toBeLessThan(identity.body.byteLength / 2);
      const gzip = await raw(path, { "Accept-Encoding": "gzip" });
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gzip.body)).toEqual(identity.body);
      const refused = await raw(path, { "Accept-Encoding": "br;q=0, gzip;q=0" });
      expect(refused.headers["content-encoding"]).toBeUndefined();
    }
    const etag = identity.headers.etag ?? "";
    const notModified = await raw(path, { "Accept-Encoding": "br", "If-None-Match": etag });
    expect(notModified.status).toBe(304);
  });

  it("leaves small answers (under 1 KB) as they are", async () => {
    const small = await raw("/v1/lookup/postcode/ZZ9%209ZZ", { "Accept-Encoding": "br, gzip" });
    expect(small.status).toBe(404);
    expect(small.body.byteLength).toBeLessThan(1024);
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.headers["content-type"]).toBe("application/problem+json");
  });

  it("compresses CSV and NDJSON lists as they stream, and FHIR JSON", async () => {
    for (const accept of ["text/csv", "application/x-ndjson"]) {
      const identity = await raw("/v1/organisations", { Accept: accept });
      const gzip = await raw("/v1/organisations", { Accept: accept, "Accept-Encoding": "gzip" });
      expect(identity.status).toBe(200);
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gzip.headers["content-length"]).toBeUndefined();
      expect(gunzipSync(gzip.body).toString("utf8")).toBe(identity.body.toString("utf8"));
    }
    const fhir = await raw("/fhir/R4/Organization?_count=50", { "Accept-Encoding": "br" });
    expect(fhir.status).toBe(200);
    expect(fhir.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(fhir.body).toString("utf8")).resourceType).toBe(
      "Bundle",
    );
  });

  it("does not touch the change stream (SSE)", async () => {
    const controller = new AbortController();
    const response = await fetch(`${atlas.url}/v1/changes/stream`, {
      headers: { Accept: "text/event-stream", "Accept-Encoding": "br, gzip" },
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("content-encoding")).toBeNull();
    controller.abort();
  });
});
