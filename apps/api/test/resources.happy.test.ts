import { beforeAll, describe, expect, it } from "vitest";
import { okOf, resourceAt, resources } from "./answers.js";
import { type Created, createAll, dataset, real } from "./fixtures.js";
import { call, getJson, parseAnswer } from "./harness.js";
import { resourceCases } from "./routes.js";

let created: Record<string, Created>;
beforeAll(async () => {
  created = await createAll();
});

describe.each(resourceCases)("$path", (resource) => {
  it("lists what is valid today, with an ETag, and 304s on If-None-Match", async () => {
    const response = await call(`${resource.path}?limit=1000`);
    expect(response.status).toBe(200);
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{20}"$/);
    const page = await parseAnswer(response.clone(), resourceAt(resource.path).page);
    expect(page.data.map((item) => item.id)).toContain(resource.id(created));
    const again = await call(`${resource.path}?limit=1000`, {
      headers: { "If-None-Match": etag ?? "" },
    });
    expect(again.status).toBe(304);
  });

  it("gets one by id, with its revision and an ETag", async () => {
    const id = resource.id(created);
    const response = await call(`${resource.path}/${id}`);
    const body = await parseAnswer(response.clone(), resourceAt(resource.path).item);
    expect(body.data.id).toBe(id);
    expect(body.revision).toBeGreaterThanOrEqual(1);
    expect(body.dataVersion).toBeGreaterThan(0);
    const etag = response.headers.get("etag") ?? "";
    expect(
      (await call(`${resource.path}/${id}`, { headers: { "If-None-Match": etag } })).status,
    ).toBe(304);
  });
});

describe("paging", () => {
  it("walks every organisation valid today with an opaque cursor, once each", async () => {
    const organisations = okOf(resources.organisations.routes.list);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/v1/organisations?limit=100${cursor === null ? "" : `&cursor=${cursor}`}`;
      const page = await getJson(path, organisations);
      expect(page.data.length).toBeLessThanOrEqual(100);
      seen.push(...page.data.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 50);
    const today = new Date().toISOString().slice(0, 10);
    const expected = new Set(
      dataset.organisations
        .filter((o) => o.valid.from <= today && (o.valid.to === null || today < o.valid.to))
        .map((o) => o.id),
    );
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of expected) expect(seen).toContain(id);
    expect(pages).toBeGreaterThan(1);
  });
});

describe("filters and time", () => {
  it("filters neighbourhoods by place", async () => {
    const page = await getJson(
      `/v1/neighbourhoods?placeId=${real.place.id}&limit=1000`,
      okOf(resources.neighbourhoods.routes.list),
    );
    expect(page.data.length).toBeGreaterThan(0);
    for (const neighbourhood of page.data) expect(neighbourhood.placeId).toBe(real.place.id);
  });

  it("filters organisations by kind and by code", async () => {
    const organisations = okOf(resources.organisations.routes.list);
    const pcns = await getJson("/v1/organisations?kind=pcn&limit=1000", organisations);
    expect(pcns.data.length).toBeGreaterThan(10);
    for (const org of pcns.data) expect(org.kind).toBe("pcn");
    const byCode = await getJson("/v1/organisations?code=P82001", organisations);
    expect(byCode.data).toHaveLength(1);
    expect(byCode.data[0]?.codes.map((c) => c.value)).toContain("P82001");
  });

  it("answers as on a past date: the CCG 00W in 2016, not today", async () => {
    const organisations = okOf(resources.organisations.routes.list);
    const then = await getJson("/v1/organisations?code=00W&validAt=2016-06-01", organisations);
    expect(then.data.map((o) => o.name).join()).toMatch(/Central Manchester/i);
    const now = await getJson("/v1/organisations?code=00W", organisations);
    expect(now.data).toHaveLength(0);
  });

  it("gives an organisation its relationships and its successors", async () => {
    const ccg = dataset.organisations.find((o) => o.codes.some((c) => c.value === "00W"));
    expect(ccg).toBeDefined();
    const organisation = okOf(resources.organisations.routes.get);
    const body = await getJson(`/v1/organisations/${ccg?.id}?validAt=2016-06-01`, organisation);
    expect(body.successors.length).toBeGreaterThan(0);
    const practice = await getJson(`/v1/organisations/${real.practice.id}`, organisation);
    expect(practice.relationships.map((r) => r.kind)).toContain("member-of");
  });

  it("gives a neighbourhood its teams and a collaborative's member filter works", async () => {
    const team = created["/v1/teams"];
    const neighbourhood = await getJson(
      `/v1/neighbourhoods/${real.neighbourhood.id}`,
      okOf(resources.neighbourhoods.routes.get),
    );
    expect(neighbourhood.teams.map((t) => t.id)).toContain(team?.id);
  });

  it("links an outcome to what serves it", async () => {
    const outcome = await getJson(
      `/v1/strategy/outcomes/${real.outcome.id}`,
      okOf(resources.strategyOutcomes.routes.get),
    );
    expect(outcome.commitments.map((c) => c.id)).toContain(created["/v1/strategy/elements"]?.id);
    expect(outcome.linked.collaboratives.map((c) => c.id)).toContain(
      created["/v1/collaboratives"]?.id,
    );
    expect(outcome.linked.decisions.map((c) => c.id)).toContain(
      created["/v1/commissioning/decisions"]?.id,
    );
  });

  it("filters decisions by body, value and commitment", async () => {
    const decision = created["/v1/commissioning/decisions"];
    const body = created["/v1/governance/bodies"];
    const decisions = okOf(resources.decisions.routes.list);
    const hit = await getJson(
      `/v1/commissioning/decisions?bodyId=${body?.id}&minValuePence=5000000&commitmentId=${real.outcome.id}&from=2024-01-01&to=2025-01-01`,
      decisions,
    );
    expect(hit.data.map((d) => d.id)).toContain(decision?.id);
    const miss = await getJson(
      `/v1/commissioning/decisions?bodyId=${body?.id}&minValuePence=5000001`,
      decisions,
    );
    expect(miss.data).toHaveLength(0);
  });

  it("lists only commissioning bodies under /v1/commissioning/bodies", async () => {
    const page = await getJson(
      "/v1/commissioning/bodies?limit=1000",
      okOf(resources.commissioningBodies.routes.list),
    );
    expect(page.data.length).toBeGreaterThan(0);
    for (const body of page.data) expect(body.commissions).toBe(true);
  });
});
