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
import type { PostcodeLookupItem } from "@care-atlas/services";
import type { z } from "zod";
import type { BulkPostcodeItem } from "./schemas.js";

type Item = z.output<typeof BulkPostcodeItem>;

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
  const included: Included = {
    lsoas: {},
    neighbourhoods: {},
    schemes: {},
    places: {},
    organisations: {},
    systems: {},
  };
  let found = 0;
  let next = 0;
  const items: Item[] = new Array(sent.length);
  for (let i = 0; i < sent.length; i++) {
    const input = sent[i] as string;
    const postcode = normalised[i] ?? null;
    if (postcode === null) {
      items[i] = {
        input,
        postcode: null,
        result: null,
        error: { code: "invalid-postcode", detail: "not a UK postcode" },
      };
      continue;
    }
    const item = answers[next++];
    if (item === undefined || item.read === null) {
      items[i] = {
        input,
        postcode,
        result: null,
        error: item?.error ?? { code: "not-found", detail: `no answer for ${postcode}` },
      };
      continue;
    }
    const answer = item.read;
    found++;
    included.lsoas[answer.lsoa.code] ??= answer.lsoa;
    const neighbourhoodIds = answer.neighbourhoods.map((entry) => {
      refer(included.schemes, entry.scheme);
      refer(included.neighbourhoods, entry.neighbourhood);
      return entry.neighbourhood.id;
    });
    items[i] = {
      input,
      postcode,
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
      error: null,
    };
  }
  return { data: items, included, found, failed: items.length - found, dataVersion };
};
