/** Shared steps of the reads: a version on a date, and the chain place → sub-ICB → ICB. */
import {
  codeOf,
  type EntityKind,
  type EntityOf,
  History,
  type IsoDate,
  type Neighbourhood,
  type NeighbourhoodScheme,
  type Organisation,
  type Place,
  type Relationship,
  type System,
} from "@care-atlas/domain";
import type { ReadModel } from "../ReadModel.js";
import type { CommissionerOnDate } from "./geography.js";

/** The version of `id` (of `kind`, when given) valid on `date` in `model`. */
export const versionOn = <K extends EntityKind>(
  model: ReadModel,
  kind: K,
  id: string | undefined,
  date: IsoDate,
): EntityOf[K] | undefined => {
  if (id === undefined) return undefined;
  const history = model.history(id);
  if (history === undefined || history.kind !== kind) return undefined;
  return History.versionAt(history.versions as ReadonlyArray<EntityOf[K]>, date);
};

/** A neighbourhood with its scheme, on a date. */
export interface NeighbourhoodInScheme {
  readonly neighbourhood: Neighbourhood;
  /** The scheme (absent only when the register lacks it on the date). */
  readonly scheme: NeighbourhoodScheme | null;
}

/** The administrative chain above a place, on a date. */
export interface PlaceChain {
  readonly place: Place | null;
  /** The NHS sub-ICB location for the place (`place.subIcbLocationId`). */
  readonly subIcbLocation: Organisation | null;
  /** The ICB: the sub-ICB location's parent, else the system's ICB. */
  readonly icb: Organisation | null;
  readonly system: System | null;
}

/** Neighbourhood versions on `date` among `ids`, with their schemes, sorted by scheme then name. */
export const neighbourhoodsOn = (
  model: ReadModel,
  ids: ReadonlyArray<string>,
  date: IsoDate,
  keep: (neighbourhood: Neighbourhood) => boolean,
): NeighbourhoodInScheme[] =>
  ids
    .map((id) => versionOn(model, "neighbourhood", id, date))
    .filter((n): n is Neighbourhood => n !== undefined && keep(n))
    .map((neighbourhood) => ({
      neighbourhood,
      scheme: versionOn(model, "neighbourhoodScheme", neighbourhood.schemeId, date) ?? null,
    }))
    .sort(
      (a, b) =>
        (a.neighbourhood.schemeId < b.neighbourhood.schemeId
          ? -1
          : a.neighbourhood.schemeId > b.neighbourhood.schemeId
            ? 1
            : 0) || a.neighbourhood.name.localeCompare(b.neighbourhood.name, "en-GB"),
    );

/** The place on `date` whose GSS code is the local authority district `districtCode`. */
export const placeOfDistrict = (
  model: ReadModel,
  districtCode: string,
  date: IsoDate,
): Place | undefined => {
  for (const id of model.ids("place")) {
    const place = versionOn(model, "place", id, date);
    if (place !== undefined && codeOf(place.codes, "gss", date) === districtCode) return place;
  }
  return undefined;
};

/**
 * The NHS bodies of an answer on a date, one vintage for all: from the commissioner the
 * LSOA lookups give (a CCG before July 2022, a sub-ICB location and its ICB after), else
 * from the place (its sub-ICB location and ICB, from 2022).
 */
export const commissionersOf = (
  chain: PlaceChain,
  commissioner: CommissionerOnDate | null,
): Pick<PlaceChain, "subIcbLocation" | "icb"> & { readonly ccg: Organisation | null } => {
  if (commissioner === null) {
    return { ccg: null, subIcbLocation: chain.subIcbLocation, icb: chain.icb };
  }
  if (commissioner.kind === "ccg") {
    return { ccg: commissioner.organisation, subIcbLocation: null, icb: null };
  }
  return {
    ccg: null,
    subIcbLocation: commissioner.organisation,
    icb: commissioner.icb?.organisation ?? null,
  };
};

/** The chain above `place` on `date`. */
export const chainOf = (model: ReadModel, place: Place | undefined, date: IsoDate): PlaceChain => {
  if (place === undefined) return { place: null, subIcbLocation: null, icb: null, system: null };
  const subIcbLocation = versionOn(model, "organisation", place.subIcbLocationId, date);
  const system = versionOn(model, "system", place.systemId, date);
  const icb =
    versionOn(model, "organisation", subIcbLocation?.parentId, date) ??
    versionOn(model, "organisation", system?.icbId, date);
  return {
    place,
    subIcbLocation: subIcbLocation ?? null,
    icb: icb ?? null,
    system: system ?? null,
  };
};

/** The PCN a practice is a member of on `date`, with the membership, if any. */
export const pcnOf = (
  model: ReadModel,
  practiceId: string,
  date: IsoDate,
): { readonly pcn: Organisation; readonly membership: Relationship } | undefined => {
  for (const id of model.membershipsOf(practiceId)) {
    const membership = versionOn(model, "relationship", id, date);
    if (membership?.kind !== "member-of" || membership.subjectId !== practiceId) continue;
    const pcn = versionOn(model, "organisation", membership.objectId, date);
    if (pcn?.kind === "pcn") return { pcn, membership };
  }
  return undefined;
};
