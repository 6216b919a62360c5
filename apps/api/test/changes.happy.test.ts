import { describe, expect, it } from "vitest";
import { answers } from "./answers.js";
import { create, newVersion } from "./fixtures.js";
import { api, call, getJson } from "./harness.js";

describe("GET /v1/changes", () => {
  it("pages the log in order with a stable cursor that later returns what came after", async () => {
    const first = await getJson("/v1/changes?limit=50", answers.changes);
    expect(first.data).toHaveLength(50);
    expect(first.data.map((c) => c.seq)).toEqual(first.data.map((_, i) => i + 1));
    expect(first.data[0]?.operation).toBe("import");
    const second = await getJson(`/v1/changes?limit=50&after=${first.nextCursor}`, answers.changes);
    expect(second.data[0]?.seq).toBe(51);

    const end = await getJson(
      `/v1/changes?limit=1&after=${Buffer.from(`seq:${first.lastSeq}`).toString("base64url")}`,
      answers.changes,
    );
    expect(end.data).toHaveLength(0);
    const place = await create("/v1/places", newVersion["/v1/places"]?.() ?? {});
    const later = await getJson(`/v1/changes?after=${end.nextCursor}`, answers.changes);
    expect(later.data.map((c) => ("id" in c ? c.id : null))).toContain(place.id);
  });

  it("sends an ETag that 304s until the log moves", async () => {
    const response = await call("/v1/changes?limit=5");
    const etag = response.headers.get("etag") ?? "";
    expect((await call("/v1/changes?limit=5", { headers: { "If-None-Match": etag } })).status).toBe(
      304,
    );
    await create("/v1/places", newVersion["/v1/places"]?.() ?? {});
    expect((await call("/v1/changes?limit=5", { headers: { "If-None-Match": etag } })).status).toBe(
      200,
    );
  });
});

describe("GET /v1/changes/stream", () => {
  it("streams past changes and then new ones as server-sent events, resumable by id", async () => {
    const { lastSeq } = await getJson("/v1/changes?limit=1", answers.changes);
    const start = Buffer.from(`seq:${lastSeq - 2}`).toString("base64url");
    const controller = new AbortController();
    const response = await fetch(`${api().url}/v1/changes/stream?after=${start}`, {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error("no body");
    const decoder = new TextDecoder();
    let text = "";
    const events = () => text.split("\n\n").filter((block) => block.includes("event: change"));
    const readUntil = async (count: number) => {
      const deadline = Date.now() + 10_000;
      while (events().length < count && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(2);
    expect(events()).toHaveLength(2);
    const place = await create("/v1/places", newVersion["/v1/places"]?.() ?? {});
    await readUntil(3);
    controller.abort();
    const last = events()[2] ?? "";
    expect(last).toContain(`"id":"${place.id}"`);
    const id = /\nid: (\S+)/.exec(`\n${last}`)?.[1] ?? /id: (\S+)/.exec(last)?.[1];
    expect(Buffer.from(id ?? "", "base64url").toString()).toMatch(/^seq:\d+$/);
  });
});
