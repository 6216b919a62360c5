import { describe, expect, it } from "vitest";
import { BulkAnswerWriter, bulkAnswer, bulkChunk } from "./bulkAnswer.js";

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

const notHeld = () => ({ read: null, error: { code: "not-found", detail: "synthetic: not held" } });

/** The writer's text, chunk by chunk, with every valid postcode answered as not held. */
const written = async (sent: string[], normalised: (string | null)[]) => {
  const writer = new BulkAnswerWriter(sent, normalised, 7);
  for (let chunk = writer.nextChunk(); chunk !== undefined; chunk = writer.nextChunk()) {
    writer.write(chunk.map(notHeld) as never);
  }
  return text(writer.stream());
};

describe("BulkAnswerWriter", () => {
  it("writes the same document JSON.stringify gives of bulkAnswer, a chunk at a time", async () => {
    const sent = Array.from({ length: 1_234 }, (_, i) =>
      i % 3 === 0 ? `nonsense ${i}` : "ZZ9 9ZZ",
    );
    const normalised = sent.map((input) => (input.startsWith("nonsense") ? null : input));
    const answers = normalised.filter((postcode) => postcode !== null).map(notHeld);
    const answer = bulkAnswer(sent, normalised, answers as never, 7);
    const streamed = await written(sent, normalised);
    expect(streamed.text).toBe(JSON.stringify(answer));
    expect(streamed.chunks).toBe(Math.ceil(sent.length / bulkChunk));
    expect(streamed.chunks).toBeGreaterThan(1);
    expect((await written([], [])).text).toBe(JSON.stringify(bulkAnswer([], [], [], 7)));
  });
});
