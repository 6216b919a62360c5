/**
 * Postcodes with their months of introduction and termination, over HTTP: a Care Atlas of
 * its own, on a synthetic register (`@care-atlas/domain/testing`, every record marked
 * synthetic) into which a synthetic directory in ONSPD's layout is imported — the postcodes
 * ZZ9 9Z… and their LSOAs are all synthetic. A terminated postcode answers 200 with its
 * termination and where it was; one asked for before its introduction is a 404. A bulk
 * lookup answers from one data version however slowly it is read, and from an earlier one
 * when asked as of an earlier time.
 */
import { request } from "node:http";
import { syntheticRegister } from "@care-atlas/domain/testing";
import { runVerb } from "@care-atlas/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CareAtlas } from "../src/start.js";
import { answers } from "./answers.js";
import { expectProblem, getJson } from "./harness.js";
import { type OwnAtlas, startOwnAtlas } from "./support/ownAtlas.js";

const register = syntheticRegister({ places: 1 });
const [lsoaA, lsoaB] = register.lsoas.map((l) => l.code);

const header = "pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lsoa21,lat,long";
const row = (postcode: string, introduced: string, terminated: string, lsoa: string | undefined) =>
  `"${postcode.replace(" ", "")}","${postcode}","${postcode}","${introduced}","${terminated}","","","${lsoa}",53.400001,-2.300001`;

let own: OwnAtlas;
let atlas: CareAtlas;
const get = <T>(path: string, schema: Parameters<typeof getJson<T>>[1]) =>
  getJson(path, schema, { base: atlas.url });

beforeAll(async () => {
  own = await startOwnAtlas(
    "postcode-dates",
    // Bulk lookups of 20,000 postcodes, one after another.
    { RATE_LIMIT_ADDRESS_PER_MINUTE: "0" },
    {
      loadDataset: async () => ({ snapshot: register, postcodes: [] }),
    },
  );
  atlas = own.atlas;
  await runVerb(atlas.services.runtime, (r) =>
    r.importFile(
      {
        kind: "ons-postcodes",
        name: "synthetic-onspd.csv",
        bytes: [
          header,
          row("ZZ9 9ZC", "198001", "", lsoaA),
          row("ZZ9 9ZD", "199001", "201006", lsoaB),
          row("ZZ9 9ZE", "202401", "", lsoaA),
        ].join("\n"),
        published: "2025-02-01",
        licence: "synthetic",
      },
      { actor: "test:synthetic" },
    ),
  );
}, 120_000);

afterAll(async () => {
  await own?.dispose();
});

describe("GET /v1/lookup/postcode/{postcode} with dated postcodes", () => {
  it("a terminated postcode answers with its termination and where it was", async () => {
    const body = await get("/v1/lookup/postcode/ZZ9%209ZD?validAt=2024-06-01", answers.postcode);
    expect(body.data.status).toBe("terminated");
    expect(body.data.postcode).toMatchObject({
      postcode: "ZZ9 9ZD",
      lsoaCode: lsoaB,
      introduced: "1990-01",
      terminated: "2010-06",
      point: { lat: 53.400001, lon: -2.300001 },
    });
    expect(body.data.lsoa.code).toBe(lsoaB);
    expect(body.data.place?.name).toBe(register.places[0]?.name);
    const live = await get("/v1/lookup/postcode/ZZ9%209ZD?validAt=2010-05-31", answers.postcode);
    expect(live.data.status).toBe("live");
  });

  it("before its introduction a postcode is not found, and the problem says when it was introduced", async () => {
    const body = await expectProblem(
      await fetch(`${atlas.url}/v1/lookup/postcode/ZZ9%209ZE?validAt=2010-01-01`),
      404,
      "not-found",
    );
    expect(body.detail).toBe(
      "postcode ZZ9 9ZE was introduced in 2024-01: on 2010-01-01 it did not exist yet",
    );
  });

  it("the bulk lookup gives each postcode's status on the date", async () => {
    const response = await fetch(`${atlas.url}/v1/lookup/postcodes`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ postcodes: ["ZZ9 9ZC", "ZZ9 9ZD", "ZZ9 9ZE"], validAt: "2020-01-01" }),
    });
    const body = answers.postcodes.parse(await response.json());
    expect(body.data.map((item) => item.result?.status ?? item.error?.code)).toEqual([
      "live",
      "terminated",
      "not-found",
    ]);
  });
});

/** Imports one synthetic postcode in `lsoa`, introduced January 2024. */
const importPostcode = (postcode: string, lsoa: string | undefined) =>
  runVerb(atlas.services.runtime, (r) =>
    r.importFile(
      {
        kind: "ons-postcodes",
        name: `synthetic-onspd-${postcode.replace(" ", "")}.csv`,
        bytes: [header, row(postcode, "202401", "", lsoa)].join("\n"),
        published: "2025-03-01",
        licence: "synthetic",
      },
      { actor: "test:synthetic" },
    ),
  );

/**
 * A bulk lookup read as a slow client reads it: after its first bytes arrive, `between`
 * runs while the rest waits unread; then the whole answer.
 */
const slowBulk = (body: unknown, between: () => Promise<unknown>) =>
  new Promise<string>((resolve, reject) => {
    const req = request(
      `${atlas.url}/v1/lookup/postcodes`,
      { method: "POST", headers: { "content-type": "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        let paused = false;
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          if (paused) return;
          paused = true;
          res.pause();
          between().then(() => res.resume(), reject);
        });
        res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });

describe("POST /v1/lookup/postcodes reads one data version", () => {
  it("answers from the version it began on though a write lands while it is read, and as of an earlier time", async () => {
    // 19,999 postcodes the register holds, then ZZ9 9ZF, which it does not yet: an answer
    // of megabytes, more than the connection buffers before it is read.
    const postcodes = [...Array.from({ length: 19_999 }, () => "ZZ9 9ZC"), "ZZ9 9ZF"];
    const before = atlas.services.dataVersion();
    const beforeTime = new Date().toISOString();
    const text = await slowBulk({ postcodes }, () => importPostcode("ZZ9 9ZF", lsoaA));
    expect(text.length).toBeGreaterThan(4_000_000);
    const slow = answers.postcodes.parse(JSON.parse(text));
    expect(atlas.services.dataVersion()).toBeGreaterThan(before);
    expect(slow.dataVersion).toBe(before);
    expect(slow.data).toHaveLength(postcodes.length);
    expect(slow.data.at(-1)?.error?.code).toBe("outside-coverage");
    expect(slow.found).toBe(19_999);

    const post = async (body: unknown) => {
      const response = await fetch(`${atlas.url}/v1/lookup/postcodes`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return answers.postcodes.parse(await response.json());
    };
    const now = await post({ postcodes: ["ZZ9 9ZF"] });
    expect(now.dataVersion).toBe(atlas.services.dataVersion());
    expect(now.data[0]?.result?.status).toBe("live");
    const then = await post({ postcodes: ["ZZ9 9ZF"], asOf: beforeTime });
    expect(then.dataVersion).toBe(before);
    expect(then.data[0]?.error?.code).toBe("outside-coverage");
  });
});
