/**
 * The admin tests' register: a small synthetic register from the domain's generator (two
 * places of three neighbourhoods, four LSOAs each; see `syntheticRegister` for its history),
 * the ids of the records the tests visit, and GeoJSON boundaries for its places and LSOAs.
 * Nothing here describes a real place or body.
 */
import type { Snapshot } from "@care-atlas/domain";
import { syntheticId, syntheticRegister } from "@care-atlas/domain/testing";

/** The synthetic register. */
export const syntheticSnapshot = (): Snapshot =>
  syntheticRegister({
    places: 2,
    neighbourhoodsPerPlace: 3,
    lsoasPerNeighbourhood: 4,
    practicesPerPcn: 2,
    decisionsPerPlace: 2,
  });

export const ids = {
  place1: syntheticId("place", "place-1"),
  /** Two versions: it takes an LSOA from neighbourhood 1.2 on 2023-04-01. */
  neighbourhood1: syntheticId("neighbourhood", "place-1/neighbourhood-1"),
  team1: syntheticId("team", "place-1/neighbourhood-1/team"),
  pcn1: syntheticId("organisation", "place-1/neighbourhood-1/pcn"),
  practice1: syntheticId("organisation", "place-1/neighbourhood-1/practice-1"),
  /** "Synthetic Practice 2.1.1", one version, a member of PCN 2.1 since 2019-07-01. */
  practice2: syntheticId("organisation", "place-2/neighbourhood-1/practice-1"),
  council2: syntheticId("organisation", "place-2/council"),
  trust1: syntheticId("organisation", "place-1/trust"),
  /** Merged with `ccgSouth` into place 1's CCG on 2017-04-01; ODS code 95A. */
  ccgNorth: syntheticId("organisation", "place-1/ccg-north"),
  executive1: syntheticId("governanceBody", "place-1/executive"),
  collaborative1: syntheticId("collaborative", "place-1/collaborative"),
  budget1: syntheticId("pooledBudget", "place-1/pooled-budget"),
} as const;

/** A square of `half` degrees either side of a point, as a GeoJSON ring. */
const square = (lon: number, lat: number, half: number): [number, number][] => [
  [lon - half, lat - half],
  [lon + half, lat - half],
  [lon + half, lat + half],
  [lon - half, lat + half],
  [lon - half, lat - half],
];

const polygon = (properties: Record<string, string>, ring: [number, number][]) => ({
  type: "Feature",
  properties,
  geometry: { type: "Polygon", coordinates: [ring] },
});

/** GeoJSON boundaries of the register's LSOAs (squares around their centroids) and places. */
export const syntheticBoundaries = (() => {
  const snapshot = syntheticSnapshot();
  const lsoas = snapshot.lsoas.flatMap((lsoa) =>
    lsoa.centroid === undefined
      ? []
      : [
          polygon(
            { area_code: lsoa.code, area_name: lsoa.name },
            square(lsoa.centroid.lon, lsoa.centroid.lat, 0.005),
          ),
        ],
  );
  const places = [...new Set(snapshot.lsoas.map((lsoa) => lsoa.districtCode))].map((district) => {
    const points = snapshot.lsoas
      .filter((lsoa) => lsoa.districtCode === district)
      .flatMap((lsoa) => (lsoa.centroid === undefined ? [] : [lsoa.centroid]));
    const lons = points.map((point) => point.lon);
    const lats = points.map((point) => point.lat);
    const [west, east] = [Math.min(...lons) - 0.005, Math.max(...lons) + 0.005];
    const [south, north] = [Math.min(...lats) - 0.005, Math.max(...lats) + 0.005];
    const name = snapshot.places.find((place) =>
      place.codes.some((code) => code.value === district),
    )?.name;
    return polygon({ area_code: district, area_name: name ?? district }, [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ]);
  });
  return {
    places: { type: "FeatureCollection", features: places },
    lsoas: { type: "FeatureCollection", features: lsoas },
  };
})();
