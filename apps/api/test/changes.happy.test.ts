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
    const second = await getJson(
      `/v1/changes?limit=50&cursor=${first.nextCursor}`,
      answers.changes,
    );
    expect(second.data[0]?.seq).toBe(51);

    const atEnd = `/v1/changes?limit=1&afterVersion=${first.dataVersion}`;
    const end = await getJson(atEnd, answers.changes);
    expect(end.data).toHaveLength(0);
    const place = await create("/v1/places", newVersion["/v1/places"]?.() ?? {});
    const later = await getJson(`${atEnd}&cursor=${end.nextCursor}`, answers.changes);
    expect(later.data.map((c) => ("id" in c ? c.id : null))).toContain(place.id);
  });

  it("sends an ETag that 304s until the page it answers moves", async () => {
    const { dataVersion } = await getJson("/v1/changes?limit=1", answers.changes);
    const tail = `/v1/changes?afterVersion=${dataVersion}`;
    const head = "/v1/changes?limit=5";
    const etags = {
      tail: (await call(tail)).headers.get("etag") ?? "",
      head: (await call(head)).headers.get("etag") ?? "",
    };
    expect((await call(tail, { headers: { "If-None-Match": etags.tail } })).status).toBe(304);
    await create("/v1/places", newVersion["/v1/places"]?.() ?? {});
    // The page after the last version now holds the new change; the first five are as they were.
    expect((await call(tail, { headers: { "If-None-Match": etags.tail } })).status).toBe(200);
    expect((await call(head, { headers: { "If-None-Match": etags.head } })).status).toBe(304);
  });
});

describe("GET /v1/changes/stream", () => {
  it("streams past changes and then new ones as server-sent events, resumable by id", async () => {
    const { dataVersion } = await getJson("/v1/changes?limit=1", answers.changes);
    const controller = new AbortController();
    const response = await fetch(`${api().url}/v1/changes/stream?afterVersion=${dataVersion - 2}`, {
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
    // The event id is a cursor of the stream's query: the page with the same filters takes it.
    const after = await getJson(
      `/v1/changes?afterVersion=${dataVersion - 2}&cursor=${id ?? ""}`,
      answers.changes,
    );
    expect(after.data).toEqual([]);
  });
});
