import { describe, expect, it } from "vitest";
import { bulkAnswer, bulkAnswerStream } from "./bulkAnswer.js";

const text = async (
  stream: ReadableStream<Uint8Array>,
): Promise<{ text: string; chunks: number }> => {
  const decoder = new TextDecoder();
  let all = "";
  let chunks = 0;
  for await (const chunk of stream) {
    all += decoder.decode(chunk, { stream: true });
    chunks++;
  }
  return { text: all + decoder.decode(), chunks };
};

describe("bulkAnswerStream", () => {
  it("streams the same document JSON.stringify gives, a chunk of items at a time", async () => {
    const sent = Array.from({ length: 1_234 }, (_, i) =>
      i % 3 === 0 ? `nonsense ${i}` : "ZZ9 9ZZ",
    );
    const normalised = sent.map((input) => (input.startsWith("nonsense") ? null : input));
    const answers = normalised
      .filter((postcode) => postcode !== null)
      .map(() => ({ read: null, error: { code: "not-found", detail: "synthetic: not held" } }));
    const answer = bulkAnswer(sent, normalised, answers as never, 7);
    const streamed = await text(bulkAnswerStream(answer));
    expect(streamed.text).toBe(JSON.stringify(answer));
    expect(streamed.chunks).toBe(3);
    const empty = bulkAnswer([], [], [], 1);
    expect((await text(bulkAnswerStream(empty))).text).toBe(JSON.stringify(empty));
  });
});
