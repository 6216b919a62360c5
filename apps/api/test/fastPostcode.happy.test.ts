/**
 * The postcode hot path (`src/fastPostcode.ts`) answers exactly as the full chain does: for
 * postcodes of the GM dataset (ONS's Trafford directory: one in every LSOA, every
 * terminated one, every sixth of the rest), in the forms a client may send it, and for
 * postcodes the register does not hold, the same status, bytes, ETag and headers as the
 * route. Then, wired into Node's request listener as `createApp` wires it,
 * it answers a postcode no one has asked for (nothing else answers in that server), keeps
 * up with a write, and answers 304s and compressed bytes as the read cache does. The one
 * postcode it imports (ZZ9 9ZC, in a real Trafford LSOA) is synthetic.
 */

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync } from "node:zlib";
import { loadPostcodes } from "@care-atlas/data";
import {
  type PostcodeArea,
  type PostcodeReader,
  type PostcodeReading,
  runVerb,
} from "@care-atlas/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, nodeFastReadOf } from "../src/app.js";
import { parseEnv } from "../src/env.js";
import { FastPostcodes } from "../src/fastPostcode.js";
import { bodyEtag } from "../src/http/Etag.js";
import { fastResponse } from "../src/http/fastAnswer.js";
import { today } from "../src/http/today.js";
import { createLogger } from "../src/logger.js";
import { withoutDerivations } from "../src/representation/representation.js";
import type { CareAtlas } from "../src/start.js";
import { type OwnAtlas, rawGet, startOwnAtlas } from "./support/ownAtlas.js";

const postcodes = loadPostcodes();
let own: OwnAtlas;
let atlas: CareAtlas;

const reader = () => runVerb(atlas.services.runtime, (register) => register.postcodeReader());

/** A hot path whose reader is loaded. */
const loadedHotPath = async (): Promise<FastPostcodes> => {
  const fast = new FastPostcodes({ load: reader });
  const probe = `/v1/lookup/postcode/${encodeURIComponent(postcodes[0]?.postcode ?? "")}`;
  for (let i = 0; i < 100; i++) {
    if (fast.answer(probe, probe, atlas.services.dataVersion(), today()) !== undefined) return fast;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the postcode reader did not load");
};

/** Headers as a plain object, lower-case names, without those of the connection. */
const headersOf = (headers: Record<string, unknown>): Record<string, string> => {
  const entries = Object.entries(headers).map(([k, v]) => [k, String(v)] as const);
  const skip = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);
  return Object.fromEntries(
    entries.map(([k, v]) => [k.toLowerCase(), v] as const).filter(([k]) => !skip.has(k)),
  );
};

beforeAll(async () => {
  own = await startOwnAtlas("fast-postcode", { RATE_LIMIT_ADDRESS_PER_MINUTE: "0" });
  atlas = own.atlas;
}, 180_000);

afterAll(async () => {
  await own?.dispose();
});

describe("the postcode hot path", () => {
  it("answers GM postcodes of every LSOA, and misses, byte for byte as the route does", async () => {
    expect(postcodes.length).toBeGreaterThan(11_000);
    const fast = await loadedHotPath();
    const version = atlas.services.dataVersion();
    // One postcode of every LSOA, every terminated one (another status), and every
    // sixth of the rest.
    const lsoas = new Set<string>();
    const asked = postcodes.filter((p, i) => {
      const first = !lsoas.has(p.lsoaCode);
      lsoas.add(p.lsoaCode);
      return first || p.terminated !== null || i % 6 === 0;
    });
    const targets = [
      ...asked.map((p) => `/v1/lookup/postcode/${encodeURIComponent(p.postcode)}`),
      // Other spellings of one postcode, valid postcodes the register does not hold.
      "/v1/lookup/postcode/m320jg",
      "/v1/lookup/postcode/M32%20%200JG",
      "/v1/lookup/postcode/M320JG",
      "/v1/lookup/postcode/M32%209ZZ",
      "/v1/lookup/postcode/BL1%201RU",
      "/v1/lookup/postcode/SW1A%202AA",
    ];
    let statuses = { 200: 0, 404: 0 };
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < targets.length; i = next++) {
        const target = targets[i] as string;
        const path = decodeURI(target);
        const answer = fast.answer(target, path, version, today());
        expect(answer, target).toBeDefined();
        if (answer === undefined) continue;
        const requestId = `synthetic-fast-${i}`;
        const sent = fastResponse(answer, requestId, undefined, undefined);
        // The full chain: the hot paths step aside for a read-your-writes request.
        const full = await rawGet(`${atlas.url}${target}`, {
          "Min-Data-Version": "0",
          "X-Request-Id": requestId,
        });
        const bytes = full.body;
        expect(sent.status, target).toBe(full.status);
        expect(Buffer.from(sent.body ?? []).equals(bytes), target).toBe(true);
        expect(headersOf(sent.headers), target).toEqual(headersOf(full.headers));
        statuses = { ...statuses, [full.status]: (statuses[full.status as 200] ?? 0) + 1 };
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(statuses[200]).toBe(asked.length + 3);
    expect(statuses[404]).toBe(3);
  }, 300_000);

  it("answers with one text when no member has derivations (as the national register's)", async () => {
    // The GM reader's answers with their derivations left out, each area's once (its
    // members stay the same objects for its postcodes, as the reader's do).
    const areas = new WeakMap<PostcodeArea, PostcodeArea>();
    const plain = async (): Promise<PostcodeReader> => {
      const gm = await reader();
      return {
        ...gm,
        read: (text, day): PostcodeReading => {
          const reading = gm.read(text, day);
          if (reading.error !== null) return reading;
          let area = areas.get(reading.area);
          if (area === undefined) {
            area = withoutDerivations(reading.area) as PostcodeArea;
            areas.set(reading.area, area);
          }
          const own = withoutDerivations(reading.own) as typeof reading.own;
          return { area, own, read: { ...area, ...own }, error: null };
        },
      };
    };
    const fast = new FastPostcodes({ load: plain });
    const version = atlas.services.dataVersion();
    const asked = postcodes.filter((_, i) => i % 40 === 0);
    let answered = 0;
    for (let attempt = 0; attempt < 100 && answered === 0; attempt++) {
      for (const p of asked) {
        const target = `/v1/lookup/postcode/${encodeURIComponent(p.postcode)}`;
        const answer = fast.answer(target, decodeURI(target), version, today());
        if (answer === undefined) break;
        const reading = (await plain()).read(p.postcode, today());
        if (answer.kind !== "read" || reading.error !== null) throw new Error(target);
        // As the route answers: the read's own data version is the answer's.
        const { dataVersion: _read, ...data } = reading.read as typeof reading.read & {
          dataVersion?: number;
        };
        const body = { data, dataVersion: version };
        expect(Buffer.from(answer.body).toString(), target).toBe(JSON.stringify(body));
        expect(answer.etag, target).toBe(bodyEtag(body));
        answered++;
      }
      if (answered === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(answered).toBe(asked.length);
  });
});

describe("the postcode hot path in Node's request listener", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    const app = createApp({
      config: parseEnv({ PORT: "0", RATE_LIMIT_ADDRESS_PER_MINUTE: "0" }),
      logger: createLogger({ level: "warn" }),
      services: atlas.services,
      readiness: async () => ({ ready: true, checks: {} }),
    });
    const fast = nodeFastReadOf(app);
    if (fast === undefined) throw new Error("createApp has a hot path");
    // Only the hot path answers here: anything it leaves to the app is a 418.
    server = createServer((req, res) => {
      if (fast(req, res)) return;
      res.writeHead(418, { "Content-Length": "0" });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** The status of `path` once the hot path has its reader (the first asks load it). */
  const eventually = async (path: string, headers: Record<string, string> = {}) => {
    for (let i = 0; i < 200; i++) {
      const response = await fetch(`${base}${path}`, { headers });
      if (response.status !== 418) return response;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${path}: the hot path never answered`);
  };

  it("answers If-None-Match with a 304 and Accept-Encoding with the same bytes compressed", async () => {
    const path = "/v1/lookup/postcode/M41%200AB";
    const plain = await eventually(path);
    const etag = plain.headers.get("etag") ?? "";
    const bytes = Buffer.from(await plain.arrayBuffer());
    expect(etag).toMatch(/^W\/"/);
    const unchanged = await eventually(path, { "If-None-Match": etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("etag")).toBe(etag);
    const br = await rawGet(`${base}${path}`, { "Accept-Encoding": "br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.etag).toBe(etag);
    expect(brotliDecompressSync(br.body).equals(bytes)).toBe(true);
  });

  it("answers a postcode no one has asked for, then keeps up with a write", async () => {
    const first = await eventually("/v1/lookup/postcode/M33%207XW");
    expect(first.status).toBe(200);
    const body = (await first.json()) as { data: { postcode: { postcode: string } } };
    expect(body.data.postcode.postcode).toBe("M33 7XW");
    const missing = await eventually("/v1/lookup/postcode/ZZ9%209ZC");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");

    const lsoa = postcodes[0]?.lsoaCode ?? "";
    await runVerb(atlas.services.runtime, (r) =>
      r.importFile(
        {
          kind: "ons-postcodes",
          name: "synthetic-onspd-2026-11.csv",
          bytes: [
            "pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lsoa21,lat,long",
            `"ZZ99ZC","ZZ9 9ZC","ZZ9 9ZC","202611","","","","${lsoa}",53.400001,-2.300001`,
          ].join("\n"),
          published: "2026-11-01",
          licence: "synthetic",
        },
        { actor: "test:synthetic" },
      ),
    );
    const version = atlas.services.dataVersion();
    const found = await eventually("/v1/lookup/postcode/ZZ9%209ZC");
    expect(found.status).toBe(200);
    const after = (await found.json()) as { dataVersion: number };
    expect(after.dataVersion).toBe(version);
  });
});
