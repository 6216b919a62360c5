/**
 * @module Boundaries
 * The boundary sets the API serves and looks points up in: the districts (LAD December
 * 2023, for places) and the LSOAs (December 2021), each at two resolutions — generalised
 * (ONS BGC, clipped to the coastline, 20 m) and super generalised (BSC, 200 m) — read from
 * `@care-atlas/data` on first use (a process that serves none never reads them), with the
 * attribution each must carry, and a point-in-polygon index of the generalised LSOAs.
 */
import { readFileSync } from "node:fs";
import { boundaryPaths } from "@care-atlas/data";
import { type Area, AreaIndex, readAreas } from "@care-atlas/geo";
import { z } from "zod";

/** A boundary resolution. */
export const Resolution = z.enum(["generalised", "super-generalised"]).meta({
  id: "BoundaryResolution",
  description:
    "generalised: ONS BGC (20 m, clipped to the coastline); super-generalised: ONS BSC (200 m), about a third of the size.",
});
export type Resolution = z.infer<typeof Resolution>;

/** The boundary sets, by what they outline and at what resolution. */
export interface Boundaries {
  /** District outlines by GSS code (E08…). */
  readonly districts: (resolution: Resolution) => ReadonlyMap<string, Area>;
  /** LSOA outlines by GSS code (E01…). */
  readonly lsoas: (resolution: Resolution) => ReadonlyMap<string, Area>;
  /** The generalised LSOAs, indexed for point-in-polygon lookups. */
  readonly lsoaIndex: () => AreaIndex;
  /** The attribution lines a document of these sets must carry. */
  readonly attribution: (what: "districts" | "lsoas") => ReadonlyArray<string>;
}

const ons = (year: number): string =>
  `Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains National Statistics data © Crown copyright and database right ${year}.`;
const os = (year: number): string =>
  `Contains OS data © Crown copyright and database right ${year}.`;

/** The boundary sets' attribution (the years of the LAD 2023 and LSOA 2021 boundaries). */
export const attributionOf = (what: "districts" | "lsoas"): ReadonlyArray<string> => {
  const year = what === "districts" ? 2023 : 2021;
  return [ons(year), os(year)];
};

/** Boundaries read from files on first use. */
export const boundariesFromFiles = (paths: {
  readonly districts: Readonly<Record<Resolution, string>>;
  readonly lsoas: Readonly<Record<Resolution, string>>;
}): Boundaries => {
  const loaded = new Map<string, ReadonlyMap<string, Area>>();
  const load = (path: string): ReadonlyMap<string, Area> => {
    let areas = loaded.get(path);
    if (areas === undefined) {
      areas = readAreas(JSON.parse(readFileSync(path, "utf8")));
      loaded.set(path, areas);
    }
    return areas;
  };
  let index: AreaIndex | undefined;
  return {
    districts: (resolution) => load(paths.districts[resolution]),
    lsoas: (resolution) => load(paths.lsoas[resolution]),
    lsoaIndex: () => {
      index ??= AreaIndex.of(load(paths.lsoas.generalised).values());
      return index;
    },
    attribution: attributionOf,
  };
};

/** The boundaries `@care-atlas/data` ships. */
export const dataPackageBoundaries = (): Boundaries =>
  boundariesFromFiles({
    districts: {
      generalised: boundaryPaths.districtsGeneralised,
      "super-generalised": boundaryPaths.districts,
    },
    lsoas: {
      generalised: boundaryPaths.lsoasGeneralised,
      "super-generalised": boundaryPaths.lsoas,
    },
  });
