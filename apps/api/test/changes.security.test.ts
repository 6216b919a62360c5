import { beforeAll, describe, expect, it } from "vitest";
import { answers } from "./answers.js";
import { newVersion, syntheticName } from "./fixtures.js";
import { api, call, expectProblem, getJson, lastSeq } from "./harness.js";

describe("the change feed follows the read policy", () => {
  it("needs a key where reads require one", async () => {
    const base = api().lockedUrl;
    await expectProblem(await call("/v1/changes", { base }), 401, "unauthorized");
    await expectProblem(await call("/v1/changes/stream", { base }), 401, "unauthorized");
    expect((await call("/v1/changes?limit=1", { base, key: api().keys.read })).status).toBe(200);
    expect((await call("/v1/changes?limit=1", { base, key: api().keys.audit })).status).toBe(200);
  });

  it("refuses a revoked key", async () => {
    await expectProblem(
      await call("/v1/changes", { key: api().keys.revoked }),
      401,
      "unauthorized",
    );
    await expectProblem(
      await call("/v1/changes/stream", { key: api().keys.revoked }),
      401,
      "unauthorized",
    );
  });
});

/** Reads the first `count` change events of a stream. */
const streamed = async (path: string, key: string | undefined, count: number) => {
  const controller = new AbortController();
  const response = await fetch(`${api().url}${path}`, {
    signal: controller.signal,
    headers: key === undefined ? {} : { Authorization: `Bearer ${key}` },
  });
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error("no body");
  const decoder = new TextDecoder();
  let text = "";
  const events = () => text.split("\n\n").filter((block) => block.includes("event: change"));
  const deadline = Date.now() + 10_000;
  while (events().length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  return events().join("\n\n");
};

describe("who changed what is shown only to the audit scope", () => {
  const reason = `${syntheticName("reason")}: renamed after a board decision`;
  let before = 0;
  let id = "";
  beforeAll(async () => {
    before = await lastSeq();
    const response = await call("/v1/places", {
      method: "POST",
      key: api().keys.write,
      body: JSON.stringify({ data: newVersion["/v1/places"]?.(), reason }),
    });
    expect(response.status).toBe(201);
    id = (await response.json()).data[0].id;
  });
  const feed = () => `/v1/changes?afterVersion=${before}`;
  const page = (key?: string) => getJson(feed(), answers.changes, key === undefined ? {} : { key });

  it("anonymous and read callers see the kind of actor, not its name, key or reason", async () => {
    for (const key of [undefined, api().keys.read, api().keys.write]) {
      const { data } = await page(key);
      const mine = data.find((change) => "id" in change && change.id === id);
      expect(mine?.actorKind).toBe("api-key");
      expect(mine).not.toHaveProperty("actor");
      expect(mine).not.toHaveProperty("reason");
      const text = JSON.stringify(data);
      expect(text).not.toContain("Synthetic test writer");
      expect(text).not.toContain(reason);
      expect(text).not.toMatch(/key:[0-9a-z]{8}:/);
    }
  });

  it("the event stream hides them too", async () => {
    const text = await streamed(`/v1/changes/stream?afterVersion=${before}`, undefined, 1);
    expect(text).toContain(`"id":"${id}"`);
    expect(text).toContain('"actorKind":"api-key"');
    expect(text).not.toContain("Synthetic test writer");
    expect(text).not.toContain(reason);
    expect(text).not.toContain('"actor"');
    const read = await streamed(`/v1/changes/stream?afterVersion=${before}`, api().keys.read, 1);
    expect(read).not.toContain("Synthetic test writer");
  });

  it("a key with the audit scope (or admin) sees the actor and the reason, in both", async () => {
    for (const key of [api().keys.audit, api().keys.admin]) {
      const mine = (await page(key)).data.find((change) => "id" in change && change.id === id);
      expect(mine?.actor).toMatch(/^key:[0-9a-z]{8}:Synthetic test writer$/);
      expect(mine?.reason).toBe(reason);
    }
    const text = await streamed(`/v1/changes/stream?afterVersion=${before}`, api().keys.audit, 1);
    expect(text).toContain("Synthetic test writer");
    expect(text).toContain(reason);
  });

  it("the audited answer is not served to others from a cache", async () => {
    const path = feed();
    const audited = await call(path, { key: api().keys.audit });
    expect(audited.headers.get("cache-control")).toMatch(/private/);
    expect(JSON.stringify(await audited.json())).toContain(reason);
    const open = await call(path);
    expect(JSON.stringify(await open.json())).not.toContain(reason);
  });
});
