import { describe, expect, it } from "vitest";
import { answers, okOf, resources, route } from "./answers.js";
import { create, newVersion, real, syntheticName } from "./fixtures.js";
import { api, call, changesAfter, getJson, parseAnswer } from "./harness.js";

const place = okOf(resources.places.routes.get);
const written = route(resources.places.routes.create).responses[201].content["application/json"]
  .schema;

const write = (path: string, method: string, body: unknown, ifMatch?: string) =>
  call(path, {
    method,
    key: api().keys.write,
    body: JSON.stringify(body),
    ...(ifMatch === undefined ? {} : { headers: { "If-Match": ifMatch } }),
  });

describe("a place's life: create, update, end — on both clocks", () => {
  it("records every step, answers by validAt and asOf, and feeds the change log", async () => {
    const first = newVersion["/v1/places"]?.();
    if (first === undefined) throw new Error("no place fixture");
    const response = await write("/v1/places", "POST", {
      data: first,
      reason: "synthetic: a new place",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("etag")).toBe('"1"');
    const created = await parseAnswer(response.clone(), written, 201);
    const id = created.data[0]?.id ?? "";
    expect(response.headers.get("location")).toBe(`/v1/places/${id}`);
    expect(created.revision).toBe(1);

    const beforeUpdate = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const renamed = syntheticName("renamed place");
    const update = await write(
      `/v1/places/${id}`,
      "PUT",
      {
        data: { ...first, name: renamed, valid: { from: "2025-01-01", to: null } },
        reason: "synthetic: renamed",
      },
      '"1"',
    );
    const updated = await parseAnswer(update, okOf(route(resources.places.routes.update)));
    expect(updated.revision).toBe(2);
    expect(updated.data.map((v) => v.name)).toEqual([first.name, renamed]);

    const now = await getJson(`/v1/places/${id}`, place);
    expect(now.data.name).toBe(renamed);
    expect(now.revision).toBe(2);
    const mid2024 = await getJson(`/v1/places/${id}?validAt=2024-06-01`, place);
    expect(mid2024.data.name).toBe(first.name);
    const asKnownBefore = await getJson(
      `/v1/places/${id}?asOf=${encodeURIComponent(beforeUpdate)}`,
      place,
    );
    expect(asKnownBefore.data.name).toBe(first.name);
    expect(asKnownBefore.revision).toBeNull();

    const end = await write(
      `/v1/places/${id}/end`,
      "POST",
      { date: "2026-01-01", reason: "synthetic: closed" },
      '"2"',
    );
    expect((await parseAnswer(end, okOf(route(resources.places.routes.end)))).revision).toBe(3);
    expect((await call(`/v1/places/${id}?validAt=2026-06-01`)).status).toBe(404);
    expect((await call(`/v1/places/${id}?validAt=2025-06-01`)).status).toBe(200);

    const mine = (await changesAfter(0, api().keys.audit)).filter((change) => change.id === id);
    expect(mine.map((c) => c.operation)).toEqual(["create", "update", "end"]);
    expect(mine[0]?.actor).toMatch(/^key:[0-9a-z]{8}:Synthetic test writer$/);
    expect(mine.map((c) => c.reason)).toEqual([
      "synthetic: a new place",
      "synthetic: renamed",
      "synthetic: closed",
    ]);
  });
});

describe("succession", () => {
  it("merges two synthetic organisations into a third, ending them on the date", async () => {
    const make = newVersion["/v1/organisations"];
    if (make === undefined) throw new Error("no organisation fixture");
    const a = await create("/v1/organisations", make());
    const b = await create("/v1/organisations", make());
    const c = await create("/v1/organisations", {
      ...make(),
      valid: { from: "2025-04-01", to: null },
    });
    const response = await call("/v1/successions", {
      method: "POST",
      key: api().keys.write,
      headers: { "If-Match": `"${a.id}:${a.revision}", "${b.id}:${b.revision}"` },
      body: JSON.stringify({
        kind: "merge",
        predecessorIds: [a.id, b.id],
        successorIds: [c.id],
        date: "2025-04-01",
        provenance: { sources: [real.source] },
        reason: "synthetic merger",
      }),
    });
    const body = await parseAnswer(response.clone(), answers.succession, 201);
    expect(response.headers.get("location")).toBe(`/v1/successions/${body.data.id}`);
    expect((await call(`/v1/organisations/${a.id}?validAt=2025-06-01`)).status).toBe(404);
    const organisation = okOf(resources.organisations.routes.get);
    const before = await getJson(`/v1/organisations/${a.id}?validAt=2025-01-01`, organisation);
    expect(before.successors[0]?.successorIds).toEqual([c.id]);
    const after = await getJson(`/v1/organisations/${c.id}`, organisation);
    expect(after.predecessors[0]?.predecessorIds).toEqual([a.id, b.id]);
  });
});

describe("admin keys write too", () => {
  it("creates with an admin-scoped key", async () => {
    const make = newVersion["/v1/organisations"];
    const response = await call("/v1/organisations", {
      method: "POST",
      key: api().keys.admin,
      body: JSON.stringify({ data: make?.(), reason: "synthetic: admin write" }),
    });
    expect(response.status).toBe(201);
  });
});
