import { describe, expect, it } from "vitest";
import { bulkAnswer, bulkAnswerStream, bulkChunk, bulkChunksAhead } from "./bulkAnswer.js";

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

/** The stream's text, chunk by chunk, with every valid postcode answered as not held. */
const written = async (sent: string[], normalise: (text: string) => string | null) =>
  text(bulkAnswerStream(sent, normalise, 7, (chunk) => chunk.map(notHeld) as never));

describe("bulkAnswerStream", () => {
  it("writes the same document JSON.stringify gives of bulkAnswer, a chunk at a time", async () => {
    const sent = Array.from({ length: 1_234 }, (_, i) =>
      i % 3 === 0 ? `nonsense ${i}` : "ZZ9 9ZZ",
    );
    const normalise = (input: string) => (input.startsWith("nonsense") ? null : input);
    const normalised = sent.map(normalise);
    const answers = normalised.filter((postcode) => postcode !== null).map(notHeld);
    const answer = bulkAnswer(sent, normalised, answers as never, 7);
    const streamed = await written(sent, normalise);
    expect(streamed.text).toBe(JSON.stringify(answer));
    expect(streamed.chunks).toBe(Math.ceil(sent.length / bulkChunk));
    expect(streamed.chunks).toBeGreaterThan(1);
    expect((await written([], normalise)).text).toBe(JSON.stringify(bulkAnswer([], [], [], 7)));
  });

  it("looks up chunks only as the stream is read, a few ahead of its reader", async () => {
    const sent = Array.from({ length: 4 * bulkChunksAhead * bulkChunk }, () => "ZZ9 9ZZ");
    let asked = 0;
    const stream = bulkAnswerStream(
      sent,
      (input) => input,
      7,
      (chunk) => {
        asked += chunk.length;
        return chunk.map(notHeld) as never;
      },
    );
    const reader = stream.getReader();
    await reader.read();
    // The chunk read, and no more than bulkChunksAhead made ahead of it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toBeGreaterThan(bulkChunk);
    expect(asked).toBeLessThanOrEqual((bulkChunksAhead + 1) * bulkChunk);
    await reader.cancel();
    expect(asked).toBeLessThan(sent.length);
  });
});
