/**
 * @module testing/syntheticNeighbourhoods
 * The neighbourhoods of a synthetic place: its LSOAs on a grid, tiled by neighbourhoods of
 * a geographic scheme (the first takes an LSOA from the second on 1 April 2023; the last
 * replaces a former one over the same LSOAs on 1 April 2022), each with a PCN of GP
 * practices (every third renamed on 1 April 2022) and an integrated neighbourhood team.
 */
import {
  open,
  pad,
  provenance,
  type RegisterBuilder,
  source,
  span,
  syntheticId,
  type Valid,
} from "./registerBuilder.js";

/** The sizes of a synthetic place. */
export interface PlaceSizes {
  readonly neighbourhoods: number;
  readonly lsoasPerNeighbourhood: number;
  readonly practicesPerPcn: number;
}

/** The records of its place a neighbourhood refers to. */
export interface PlaceParts {
  /** The place's number, from 1. */
  readonly n: number;
  readonly key: string;
  readonly placeId: string;
  readonly district: string;
  readonly councilId: string;
  readonly trustId: string;
  readonly schemeId: string;
  /** A strategy commitment to link to, chosen by a number. */
  readonly commitment: (n: number) => string;
}

const census = "2021-03-21";

/** The population figure of `lsoas` LSOAs of the register (about 40,000 for a neighbourhood). */
export const populationOf = (lsoas: number, sizes: PlaceSizes) => ({
  value: lsoas * Math.round(40_000 / sizes.lsoasPerNeighbourhood),
  basis: "resident" as const,
  date: census,
  source,
});

/** Adds the LSOAs of a place and its neighbourhoods with their PCNs, practices and teams. */
export const addNeighbourhoods = (
  b: RegisterBuilder,
  place: PlaceParts,
  sizes: PlaceSizes,
): void => {
  const { n: p, key, placeId, district } = place;
  const { neighbourhoods: perPlace, lsoasPerNeighbourhood: lsoasPer } = sizes;
  const s = b.snapshot;

  // The place's LSOAs, tile by tile, on a grid of 0.01° squares, the places side by side.
  const tiles: string[][] = [];
  for (let t = 0; t < perPlace; t++) {
    const tile: string[] = [];
    for (let l = 0; l < lsoasPer; l++) {
      const local = t * lsoasPer + l;
      const serial = (p - 1) * perPlace * lsoasPer + local + 1;
      const code = `E01${900_000 + serial}`;
      const msoa = Math.ceil(serial / 5);
      const ward = Math.ceil(serial / 10);
      tile.push(code);
      s.lsoas.push({
        code,
        name: `Synthetic ${p}.${pad(local + 1, 3)}`,
        msoa: { code: `E02${900_000 + msoa}`, name: `Synthetic MSOA ${msoa}` },
        ward: { code: `E05${900_000 + ward}`, name: `Synthetic Ward ${ward}` },
        districtCode: district,
        centroid: {
          lat: 53.3 + Math.floor(local / 10) * 0.01,
          lon: -2.8 + (p - 1) * 0.11 + (local % 10) * 0.01,
        },
        population: populationOf(1, sizes),
      });
    }
    tiles.push(tile);
  }

  const [moved = "", ...kept] = tiles[1] ?? [];
  for (let t = 1; t <= perPlace; t++) {
    const nKey = `${key}/neighbourhood-${t}`;
    const neighbourhoodId = syntheticId("neighbourhood", nKey);
    const tile = tiles[t - 1] ?? [];
    const name = `Synthetic Neighbourhood ${p}.${t}`;
    const pcnId = b.organisation(`${nKey}/pcn`, {
      kind: "pcn",
      name: `Synthetic PCN ${p}.${t}`,
      codes: [{ system: "ods", value: `U${22_600 + (p - 1) * perPlace + t}` }],
      placeId,
      valid: open("2019-07-01"),
    });
    const neighbourhood = (id: string, versionName: string, lsoas: string[], valid: Valid) =>
      s.neighbourhoods.push({
        id,
        name: versionName,
        placeId,
        schemeId: place.schemeId,
        footprint: { lsoas, pcnIds: [pcnId], practiceIds: [] },
        population: populationOf(lsoas.length, sizes),
        valid,
        provenance,
      });
    const team = (teamKey: string, teamName: string, servesId: string, valid: Valid) =>
      s.teams.push({
        id: syntheticId("team", teamKey),
        name: teamName,
        neighbourhoodId: servesId,
        leadOrganisationId: pcnId,
        gpLed: true,
        members: [
          { role: "district-nurse", hostOrganisationId: place.trustId, headcount: 4 },
          { role: "social-worker", hostOrganisationId: place.councilId },
        ],
        strategyLinks: [place.commitment(p + t)],
        valid,
        provenance,
      });

    if (t === 1 || t === 2) {
      neighbourhood(neighbourhoodId, name, tile, span("2019-07-01", "2023-04-01"));
      neighbourhood(neighbourhoodId, name, t === 1 ? [...tile, moved] : kept, open("2023-04-01"));
    } else if (t === perPlace) {
      const formerKey = `${nKey}-former`;
      const formerId = syntheticId("neighbourhood", formerKey);
      const formerName = `Synthetic Former Neighbourhood ${p}.${t}`;
      neighbourhood(formerId, formerName, tile, span("2019-07-01", "2022-04-01"));
      neighbourhood(neighbourhoodId, name, tile, open("2022-04-01"));
      b.succession(`${nKey}-replacement`, "transfer", [formerId], [neighbourhoodId], "2022-04-01");
      const formerTeam = `Synthetic Former Neighbourhood Team ${p}.${t}`;
      team(`${formerKey}/team`, formerTeam, formerId, span("2019-07-01", "2022-04-01"));
    } else {
      neighbourhood(neighbourhoodId, name, tile, open("2019-07-01"));
    }
    const teamName = `Synthetic Neighbourhood Team ${p}.${t}`;
    const teamFrom = t === perPlace ? "2022-04-01" : "2019-07-01";
    team(`${nKey}/team`, teamName, neighbourhoodId, open(teamFrom));

    for (let q = 1; q <= sizes.practicesPerPcn; q++) {
      const practiceKey = `${nKey}/practice-${q}`;
      const serial = ((p - 1) * perPlace + t - 1) * sizes.practicesPerPcn + q;
      const practice = {
        kind: "gp-practice" as const,
        codes: [{ system: "ods" as const, value: `Z${pad(serial, 5)}` }],
        roles: [{ role: "primary-care-provider" as const, period: open("2013-04-01") }],
        placeId,
      };
      const first = `Synthetic Practice ${p}.${t}.${q}`;
      const renamed = q % 3 === 0;
      const practiceId = b.organisation(practiceKey, {
        ...practice,
        name: first,
        valid: renamed ? span("2013-04-01", "2022-04-01") : open("2013-04-01"),
      });
      if (renamed) {
        const name = `Synthetic Medical Centre ${p}.${t}.${q}`;
        s.organisations.push({
          id: practiceId,
          ...practice,
          name,
          valid: open("2022-04-01"),
          provenance,
        });
      }
      b.relationship(`${practiceKey}/pcn`, "member-of", practiceId, pcnId, open("2019-07-01"));
    }
  }
};
