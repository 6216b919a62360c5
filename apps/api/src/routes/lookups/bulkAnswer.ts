/**
 * @module lookups/bulkAnswer
 * The answer of a bulk postcode lookup: one item per postcode sent, in order — a result
 * that refers by key to the records it names, or an error — and each record once, in
 * `included`.
 */
import type {
  Lsoa,
  Neighbourhood,
  NeighbourhoodScheme,
  Organisation,
  Place,
  System,
} from "@care-atlas/domain";
import type { PostcodeLookupItem, PostcodeRead } from "@care-atlas/services";
import type { z } from "zod";
import type { BulkPostcodeItem } from "./schemas.js";

type Item = z.output<typeof BulkPostcodeItem>;
type Result = NonNullable<Item["result"]>;

/** The records the items refer to, by key. */
interface Included {
  lsoas: Record<string, Lsoa>;
  neighbourhoods: Record<string, Neighbourhood>;
  schemes: Record<string, NeighbourhoodScheme>;
  places: Record<string, Place>;
  organisations: Record<string, Organisation>;
  systems: Record<string, System>;
}

/** Puts `record` into `into` once and answers its key (`null` for no record). */
const refer = <T extends { readonly id: string }>(
  into: Record<string, T>,
  record: T | null,
): string | null => {
  if (record === null) return null;
  into[record.id] ??= record;
  return record.id;
};

/** Builds the items of a bulk answer one by one, collecting what they refer to. */
class BulkItems {
  readonly included: Included = {
    lsoas: {},
    neighbourhoods: {},
    schemes: {},
    places: {},
    organisations: {},
    systems: {},
  };
  found = 0;

  /**
   * The item of postcode `input` (normalised: `postcode`, `null` when not a UK postcode),
   * given the services' answer for it (`undefined` when it was not asked).
   */
  item(input: string, postcode: string | null, item: PostcodeLookupItem | undefined): Item {
    if (postcode === null) {
      return {
        input,
        postcode: null,
        result: null,
        error: { code: "invalid-postcode", detail: "not a UK postcode" },
      };
    }
    if (item === undefined || item.read === null) {
      return {
        input,
        postcode,
        result: null,
        error: item?.error ?? { code: "not-found", detail: `no answer for ${postcode}` },
      };
    }
    this.found++;
    return { input, postcode, ...this.referred(item.read), error: null };
  }

  /** The result of a found postcode, its records put into `included` (each once). */
  protected referred(answer: PostcodeRead): { result: Result } {
    const { included } = this;
    included.lsoas[answer.lsoa.code] ??= answer.lsoa;
    const neighbourhoodIds = answer.neighbourhoods.map((entry) => {
      refer(included.schemes, entry.scheme);
      refer(included.neighbourhoods, entry.neighbourhood);
      return entry.neighbourhood.id;
    });
    return {
      result: {
        postcode: answer.postcode,
        status: answer.status,
        lsoaCode: answer.lsoa.code,
        msoaCode: answer.lsoa.msoa?.code ?? null,
        wardCode: answer.ward?.code ?? null,
        ccgId: refer(included.organisations, answer.ccg),
        neighbourhoodIds,
        placeId: refer(included.places, answer.place),
        subIcbLocationId: refer(included.organisations, answer.subIcbLocation),
        icbId: refer(included.organisations, answer.icb),
        systemId: refer(included.systems, answer.system),
      },
    };
  }
}

/** The JSON of an area's part of its items: before the postcode's ward code, and after it. */
interface AreaJson {
  readonly before: string;
  readonly after: string;
}

/**
 * The JSON of the areas' parts, by area (one per LSOA, date and data version: it never
 * changes), kept as long as the area: made once, not once per request (a request's own
 * copies of thousands of them would outlive the young generation).
 */
const areaJsons = new WeakMap<object, AreaJson>();

/** `,"key":value` for each of `keys` of `result`, then `end`, as one flat string. */
const membersJson = (result: Result, keys: ReadonlyArray<keyof Result>, end: string): string =>
  [...keys.map((key) => `,${JSON.stringify(key)}:${JSON.stringify(result[key])}`), end].join("");

/** The JSON of the codes and keys of `result` that every postcode of its LSOA shares. */
const areaJsonOf = (result: Result): AreaJson => ({
  before: membersJson(result, ["lsoaCode", "msoaCode"], ',"wardCode":'),
  after: membersJson(
    result,
    ["ccgId", "neighbourhoodIds", "placeId", "subIcbLocationId", "icbId", "systemId"],
    "}",
  ),
});

/**
 * Writes the items of a bulk answer as JSON one by one — each the text `JSON.stringify`
 * gives of {@link BulkItems.item}'s item — with the part every postcode of an LSOA shares
 * (its codes and the keys of what it refers to) made once per LSOA.
 */
class BulkItemsJson extends BulkItems {
  json(input: string, postcode: string | null, item: PostcodeLookupItem | undefined): string {
    if (postcode === null || item === undefined || item.read === null) {
      return JSON.stringify(this.item(input, postcode, item));
    }
    const answer = item.read;
    this.found++;
    let area = areaJsons.get(item.area);
    // The first item of its LSOA in this answer: what it refers to goes into `included`
    // (as `item` does; putting a record in again changes nothing).
    if (area === undefined || this.included.lsoas[answer.lsoa.code] === undefined) {
      const { result } = this.referred(answer);
      if (area === undefined) {
        area = areaJsonOf(result);
        areaJsons.set(item.area, area);
      }
    }
    return `{"input":${JSON.stringify(input)},"postcode":${JSON.stringify(postcode)},"result":{"postcode":${JSON.stringify(answer.postcode)},"status":${JSON.stringify(answer.status)}${area.before}${JSON.stringify(answer.ward?.code ?? null)}${area.after},"error":null}`;
  }
}

/**
 * The bulk answer for `sent` postcodes, given each one's normalised form (`null`: not a UK
 * postcode) and the services' answers for the valid ones, in order.
 */
export const bulkAnswer = (
  sent: ReadonlyArray<string>,
  normalised: ReadonlyArray<string | null>,
  answers: ReadonlyArray<PostcodeLookupItem>,
  dataVersion: number,
) => {
  const builder = new BulkItems();
  const items: Item[] = new Array(sent.length);
  let next = 0;
  for (let i = 0; i < sent.length; i++) {
    const postcode = normalised[i] ?? null;
    items[i] = builder.item(
      sent[i] as string,
      postcode,
      postcode === null ? undefined : answers[next++],
    );
  }
  const { included, found } = builder;
  return { data: items, included, found, failed: items.length - found, dataVersion };
};

/** How many postcodes are looked up, made into items and serialised at a time. */
export const bulkChunk = 100;

/**
 * How many chunks a bulk answer makes ahead of its reader: while one is compressed (on
 * libuv's threads) or written, the next few are made, instead of each waiting for the last
 * to be taken (with a compressing reader, a fifth less time for 10,000 postcodes).
 */
export const bulkChunksAhead = 8;

/**
 * The text of a bulk answer as a stream of UTF-8 chunks, each made as the stream is read
 * (so as fast as the client takes them, at most {@link bulkChunksAhead} ahead): a chunk of
 * postcodes normalised with `normalise` (`null`: not a UK postcode), looked up with
 * `lookup`, made into items and serialised, before the next is. It is the document
 * `JSON.stringify` gives of {@link bulkAnswer}; `lookup` answers from one data version
 * (`dataVersion`'s) throughout. A 10,000-postcode answer (megabytes of JSON) is never one
 * string, nor one array of items, answers or normalised postcodes, nor held whole as bytes:
 * each chunk's objects die young, and the bytes are let go once sent.
 */
export const bulkAnswerStream = (
  sent: ReadonlyArray<string>,
  normalise: (text: string) => string | null,
  dataVersion: number,
  lookup: (postcodes: ReadonlyArray<string>) => ReadonlyArray<PostcodeLookupItem>,
): ReadableStream<Uint8Array> => {
  const builder = new BulkItemsJson();
  const encoder = new TextEncoder();
  let written = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const end = Math.min(sent.length, written + bulkChunk);
        const normalised = sent.slice(written, end).map(normalise);
        const answers = lookup(normalised.filter((postcode) => postcode !== null));
        let text = written === 0 ? '{"data":[' : "";
        let next = 0;
        for (let i = written; i < end; i++) {
          const postcode = normalised[i - written] ?? null;
          const json = builder.json(
            sent[i] as string,
            postcode,
            postcode === null ? undefined : answers[next++],
          );
          text += i === 0 ? json : `,${json}`;
        }
        written = end;
        if (end < sent.length) {
          controller.enqueue(encoder.encode(text));
          return;
        }
        const { included, found } = builder;
        text += `],"included":${JSON.stringify(included)},"found":${found},"failed":${sent.length - found},"dataVersion":${dataVersion}}`;
        controller.enqueue(encoder.encode(text));
        controller.close();
      },
    },
    new CountQueuingStrategy({ highWaterMark: bulkChunksAhead }),
  );
};
