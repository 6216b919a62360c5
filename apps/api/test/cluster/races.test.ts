/**
 * Writes serialised across processes: three real API processes (`dist/main.js`) on one
 * PostgreSQL database, and pairs of writes sent to two of them at once, each pair fine
 * alone and breaking a rule of the register together — two neighbourhoods claiming one
 * LSOA in one scheme; a succession and an update of the same predecessor; a decision just
 * under a body's limit while the limit is lowered below it. Many rounds of each: one write
 * of each pair wins, the other is refused (422 by the rules, or 412 for a stale revision),
 * no write gets a 5xx, and the register holds no rule error afterwards. The same rounds on
 * one process are the control. Needs CARE_ATLAS_TEST_DATABASE_URL (a server).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../src/env.js";
import { type FreshDatabase, freshDatabase } from "../support/databases.js";
import { inspect, makeKey } from "../support/direct.js";
import {
  createRecord,
  expectStatus,
  placeLsoas,
  provenance,
  real,
  send,
  syntheticName,
} from "../support/http.js";
import { type ApiProcess, startApi } from "../support/processes.js";

const server = testDatabaseUrl();
const rounds = 25;

/** One pair's outcome: the two statuses, sorted. */
type Pair = [number, number];

describe.runIf(server !== undefined)("writes raced across API processes on one database", () => {
  let db: FreshDatabase;
  let apis: ApiProcess[] = [];
  let key = "";

  beforeAll(async () => {
    db = await freshDatabase(server ?? "", "races");
    // The first one loads the GM dataset; the others start on it.
    apis = [await startApi({ env: { DATABASE_URL: db.url } })];
    apis.push(
      ...(await Promise.all([1, 2].map(() => startApi({ env: { DATABASE_URL: db.url } })))),
    );
    key = (await makeKey(db.url, ["write"])).key;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await db?.drop();
  });

  /** The two processes round `i` sends its pair to: different ones, or the one control. */
  const pairOf = (i: number, control: boolean): [string, string] => {
    const a = apis[control ? 0 : i % apis.length]?.url ?? "";
    const b = apis[control ? 0 : (i + 1) % apis.length]?.url ?? "";
    return [a, b];
  };

  const sorted = (a: number, b: number): Pair => (a <= b ? [a, b] : [b, a]);

  const neighbourhoodRaces = async (control: boolean, lsoas: ReadonlyArray<string>) => {
    const scheme = await createRecord(apis[0]?.url ?? "", key, "/v1/neighbourhood-schemes", {
      name: syntheticName("contested scheme"),
      systemId: real.system.id,
      placeId: real.place.id,
      basis: "geographic",
      status: "proposed",
      valid: { from: "2024-04-01", to: null },
      provenance,
    });
    const pairs: Pair[] = [];
    for (let i = 0; i < rounds; i++) {
      const [a, b] = pairOf(i, control);
      const lsoa = lsoas[i] ?? "";
      const claim = (base: string) =>
        send(base, "/v1/neighbourhoods", {
          key,
          body: {
            data: {
              name: syntheticName("claimant"),
              placeId: real.place.id,
              schemeId: scheme.id,
              footprint: { lsoas: [lsoa] },
              valid: { from: "2030-01-01", to: null },
              provenance,
            },
            reason: `synthetic race ${i}: claim ${lsoa}`,
          },
        });
      const [x, y] = await Promise.all([claim(a), claim(b)]);
      pairs.push(sorted(x.status, y.status));
    }
    return pairs;
  };

  const successionRaces = async (control: boolean) => {
    const pairs: Pair[] = [];
    for (let i = 0; i < rounds; i++) {
      const [a, b] = pairOf(i, control);
      const organisation = (name: string, from: string) => ({
        kind: "vcfse",
        name,
        codes: [],
        roles: [],
        placeId: real.place.id,
        valid: { from, to: null },
        provenance,
      });
      const predecessor = organisation(syntheticName("predecessor"), "2024-04-01");
      const p = await createRecord(apis[0]?.url ?? "", key, "/v1/organisations", predecessor);
      const s = await createRecord(
        apis[0]?.url ?? "",
        key,
        "/v1/organisations",
        organisation(syntheticName("successor"), "2031-04-01"),
      );
      const [x, y] = await Promise.all([
        send(a, "/v1/successions", {
          key,
          headers: { "If-Match": `"${p.id}:${p.revision}"` },
          body: {
            kind: "rename",
            predecessorIds: [p.id],
            successorIds: [s.id],
            date: "2031-04-01",
            provenance,
            reason: `synthetic race ${i}: succeeded`,
          },
        }),
        send(b, `/v1/organisations/${p.id}`, {
          method: "PUT",
          key,
          headers: { "If-Match": `"${p.revision}"` },
          body: {
            data: { ...predecessor, name: `${predecessor.name} (renamed)` },
            reason: `synthetic race ${i}: renamed`,
          },
        }),
      ]);
      pairs.push(sorted(x.status, y.status));
    }
    return pairs;
  };

  const limitRaces = async (control: boolean) => {
    const pairs: Pair[] = [];
    for (let i = 0; i < rounds; i++) {
      const [a, b] = pairOf(i, control);
      const board = {
        kind: "committee",
        name: syntheticName("limited committee"),
        level: "place",
        placeId: real.place.id,
        commissions: true,
        delegatedLimitPence: 1_000_000,
        valid: { from: "2024-04-01", to: null },
        provenance,
      };
      const body = await createRecord(apis[0]?.url ?? "", key, "/v1/governance/bodies", board);
      const [x, y] = await Promise.all([
        send(a, `/v1/governance/bodies/${body.id}`, {
          method: "PUT",
          key,
          headers: { "If-Match": `"${body.revision}"` },
          body: {
            data: { ...board, delegatedLimitPence: 100 },
            reason: `synthetic race ${i}: limit lowered`,
          },
        }),
        send(b, "/v1/commissioning/decisions", {
          key,
          body: {
            data: {
              bodyId: body.id,
              title: syntheticName("decision"),
              date: "2024-06-01",
              valuePence: 900_000,
              serviceArea: "synthetic service",
              valid: { from: "2024-06-01", to: null },
              provenance,
            },
            reason: `synthetic race ${i}: decided`,
          },
        }),
      ]);
      pairs.push(sorted(x.status, y.status));
    }
    return pairs;
  };

  for (const control of [false, true]) {
    const topology = control ? "on one process (the control)" : "across three processes";
    it(`never lets both halves of a rule break in, ${topology}`, async () => {
      const started = Date.now();
      const lsoas = placeLsoas.slice(control ? rounds : 0, (control ? rounds : 0) + rounds);
      expect(lsoas).toHaveLength(rounds);
      const results = {
        lsoaOverlap: await neighbourhoodRaces(control, lsoas),
        successionAndUpdate: await successionRaces(control),
        decisionOverLimit: await limitRaces(control),
      };
      const all = Object.values(results).flat(2);
      expect(all.filter((status) => status >= 500)).toEqual([]);
      expect(results.lsoaOverlap).toEqual(Array.from({ length: rounds }, () => [201, 422]));
      for (const [first, second] of results.successionAndUpdate) {
        expect([200, 201]).toContain(first);
        expect([412, 422]).toContain(second);
      }
      for (const [first, second] of results.decisionOverLimit) {
        expect([200, 201]).toContain(first);
        expect(second).toBe(422);
      }
      const { errors, log } = await inspect({ databaseUrl: db.url });
      expect(errors).toEqual([]);
      // Every process serves the last change, and /readyz says so.
      const last = log.at(-1)?.seq ?? 0;
      for (const api of apis) {
        const ready = expectStatus(
          await send<{ dataVersion: number }>(api.url, "/readyz"),
          200,
          "readyz",
        );
        expect(ready.body.dataVersion).toBe(last);
      }
      console.info(
        `races ${topology}: ${rounds * 3} pairs, ${all.length} writes, ${Date.now() - started} ms`,
      );
    });
  }
});
