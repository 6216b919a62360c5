/**
 * @module hierarchyAt
 * The shape of the care system on a date: system → places → neighbourhoods (grouped by
 * scheme) → integrated neighbourhood teams.
 */
import type { Neighbourhood } from "../Neighbourhood.js";
import type { NeighbourhoodScheme } from "../NeighbourhoodScheme.js";
import type { NeighbourhoodTeam } from "../NeighbourhoodTeam.js";
import { contains, type IsoDate } from "../Period.js";
import type { Place } from "../Place.js";
import type { System } from "../System.js";
import { asIndex, type SnapshotSource } from "./SnapshotIndex.js";

/** A neighbourhood on the date, with the teams that serve it. */
export interface HierarchyNeighbourhood {
  readonly neighbourhood: Neighbourhood;
  readonly teams: ReadonlyArray<NeighbourhoodTeam>;
}

/** A scheme as it divides one place, with its neighbourhoods there. */
export interface HierarchyScheme {
  readonly scheme: NeighbourhoodScheme;
  readonly neighbourhoods: ReadonlyArray<HierarchyNeighbourhood>;
}

/** A place on the date, with each scheme that divides it. */
export interface HierarchyPlace {
  readonly place: Place;
  readonly schemes: ReadonlyArray<HierarchyScheme>;
}

/** A system on the date, with its places. */
export interface HierarchySystem {
  readonly system: System;
  readonly places: ReadonlyArray<HierarchyPlace>;
}

/** The whole hierarchy on a date. */
export interface Hierarchy {
  readonly date: IsoDate;
  readonly systems: ReadonlyArray<HierarchySystem>;
}

/** Options of {@link hierarchyAt}. */
export interface HierarchyOptions {
  /** Only this neighbourhood scheme. */
  readonly schemeId?: string;
  /** Only this system. */
  readonly systemId?: string;
}

const byName = <T extends { readonly name: string; readonly id: string }>(a: T, b: T): number =>
  a.name.localeCompare(b.name, "en-GB") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const validOn = <T extends { readonly valid: { from: string; to: string | null } }>(
  versions: ReadonlyArray<T>,
  date: IsoDate,
): T[] => versions.filter((version) => contains(version.valid, date));

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

/**
 * The hierarchy on `date`, from the versions valid that day: each system with its places,
 * each place with the schemes that divide it (a scheme restricted to one place appears only
 * there; a system-wide scheme appears under every place of its system), each scheme with its
 * neighbourhoods in that place, and each neighbourhood with its teams. Every list is sorted
 * by name (then id), so the result is stable.
 *
 * @example
 * ```ts
 * import { hierarchyAt, emptySnapshot } from "@care-atlas/domain";
 * const { systems } = hierarchyAt(emptySnapshot(), "2024-04-01");
 * systems.map((s) => s.places.map((p) => p.place.name)); // []
 * ```
 */
export const hierarchyAt = (
  source: SnapshotSource,
  date: IsoDate,
  options: HierarchyOptions = {},
): Hierarchy => {
  const { snapshot } = asIndex(source);
  const { schemeId, systemId } = options;

  const teamsByNeighbourhood = new Map<string, NeighbourhoodTeam[]>();
  for (const team of validOn(snapshot.teams, date))
    pushTo(teamsByNeighbourhood, team.neighbourhoodId, team);

  const neighbourhoodsBySchemePlace = new Map<string, Neighbourhood[]>();
  for (const neighbourhood of validOn(snapshot.neighbourhoods, date)) {
    if (schemeId !== undefined && neighbourhood.schemeId !== schemeId) continue;
    pushTo(
      neighbourhoodsBySchemePlace,
      `${neighbourhood.schemeId} ${neighbourhood.placeId}`,
      neighbourhood,
    );
  }

  const schemesBySystem = new Map<string, NeighbourhoodScheme[]>();
  for (const scheme of validOn(snapshot.neighbourhoodSchemes, date)) {
    if (schemeId !== undefined && scheme.id !== schemeId) continue;
    pushTo(schemesBySystem, scheme.systemId, scheme);
  }

  const placesBySystem = new Map<string, Place[]>();
  for (const place of validOn(snapshot.places, date)) pushTo(placesBySystem, place.systemId, place);

  const systems = validOn(snapshot.systems, date)
    .filter((system) => systemId === undefined || system.id === systemId)
    .sort(byName)
    .map((system): HierarchySystem => {
      const schemes = (schemesBySystem.get(system.id) ?? []).sort(byName);
      const places = (placesBySystem.get(system.id) ?? []).sort(byName).map(
        (place): HierarchyPlace => ({
          place,
          schemes: schemes
            .filter((scheme) => scheme.placeId === undefined || scheme.placeId === place.id)
            .map(
              (scheme): HierarchyScheme => ({
                scheme,
                neighbourhoods: (neighbourhoodsBySchemePlace.get(`${scheme.id} ${place.id}`) ?? [])
                  .sort(byName)
                  .map(
                    (neighbourhood): HierarchyNeighbourhood => ({
                      neighbourhood,
                      teams: (teamsByNeighbourhood.get(neighbourhood.id) ?? []).sort(byName),
                    }),
                  ),
              }),
            ),
        }),
      );
      return { system, places };
    });

  return { date, systems };
};
