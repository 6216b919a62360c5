/**
 * The bulk lookup's streamed text, whose items are written from each LSOA's shared part
 * (made once per LSOA and request), is the document `JSON.stringify` gives of the answer
 * built item by item (`bulkAnswer`): for every postcode of the GM dataset (ONS's Trafford
 * directory), with texts that are not postcodes and a postcode the register does not hold
 * among them, answered by the services' postcode reader of a Care Atlas of its own.
 */
import { loadPostcodes } from "@care-atlas/data";
import { runVerb } from "@care-atlas/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../src/http/today.js";
import { bulkAnswer, bulkAnswerStream } from "../src/routes/lookups/bulkAnswer.js";
import { normalisePostcodeText } from "../src/routes/lookups/postcode.js";
import { type OwnAtlas, startOwnAtlas } from "./support/ownAtlas.js";

let own: OwnAtlas;

beforeAll(async () => {
  own = await startOwnAtlas("bulk-answer");
}, 180_000);

afterAll(async () => {
  await own?.dispose();
});

const textOf = async (stream: ReadableStream<Uint8Array>): Promise<string> => {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
};

describe("the bulk lookup's streamed text", () => {
  it("is JSON.stringify of the answer built item by item, for every GM postcode", async () => {
    const postcodes = loadPostcodes().map((p) => p.postcode);
    expect(postcodes.length).toBeGreaterThan(11_000);
    const sent = [...postcodes, "not a postcode", "ZZ9 9ZZ", postcodes[0]?.toLowerCase() ?? ""];
    const reader = await runVerb(own.atlas.services.runtime, (r) => r.postcodeReader());
    const day = today();
    const normalised = sent.map(normalisePostcodeText);
    const items = reader.lookup(
      normalised.filter((postcode): postcode is string => postcode !== null),
      day,
    );
    expect(items.filter((item) => item.read !== null).length).toBeGreaterThan(11_000);
    const expected = JSON.stringify(bulkAnswer(sent, normalised, items, reader.dataVersion));
    const streamed = await textOf(
      bulkAnswerStream(sent, normalisePostcodeText, reader.dataVersion, (chunk) =>
        reader.lookup(chunk, day),
      ),
    );
    expect(streamed).toBe(expected);
  });
});
