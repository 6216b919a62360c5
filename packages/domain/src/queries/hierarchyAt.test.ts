import { describe, expect, it } from "vitest";
import {
  idOf,
  neighbourhood,
  period,
  place,
  scheme,
  snapshot,
  system,
  team,
} from "../testing/syntheticRecords.js";
import { hierarchyAt } from "./hierarchyAt.js";

const s = snapshot({
  systems: [system(1, { name: "Synthetic ICS" }), system(2, { name: "Synthetic Other ICS" })],
  places: [
    place(1, { name: "Synthetic Wells" }),
    place(2, { name: "Synthetic Abbey" }),
    place(3, { name: "Synthetic Moor", systemId: idOf("system", 2) }),
    place(4, { name: "Synthetic Gone", valid: period("2020-01-01", "2021-01-01") }),
  ],
  neighbourhoodSchemes: [
    scheme(1, { name: "Synthetic Council Scheme", placeId: idOf("place", 1) }),
    scheme(2, { name: "Synthetic PCN Scheme", basis: "registered-population" }),
  ],
  neighbourhoods: [
    neighbourhood(1, { name: "Synthetic West", schemeId: idOf("neighbourhoodScheme", 1) }),
    neighbourhood(2, { name: "Synthetic East", schemeId: idOf("neighbourhoodScheme", 1) }),
    neighbourhood(3, { name: "Synthetic PCN A", schemeId: idOf("neighbourhoodScheme", 2) }),
    neighbourhood(4, {
      name: "Synthetic PCN B",
      schemeId: idOf("neighbourhoodScheme", 2),
      placeId: idOf("place", 2),
      valid: period("2020-01-01", "2023-01-01"),
    }),
    neighbourhood(4, {
      name: "Synthetic PCN B (redrawn)",
      schemeId: idOf("neighbourhoodScheme", 2),
      placeId: idOf("place", 2),
      valid: period("2023-01-01"),
    }),
  ],
  teams: [
    team(1, { name: "Synthetic West Team B", neighbourhoodId: idOf("neighbourhood", 1) }),
    team(2, { name: "Synthetic West Team A", neighbourhoodId: idOf("neighbourhood", 1) }),
    team(3, {
      name: "Synthetic Old Team",
      neighbourhoodId: idOf("neighbourhood", 2),
      valid: period("2020-01-01", "2022-01-01"),
    }),
  ],
});

/** The names in the hierarchy, as nested arrays. */
const names = (h: ReturnType<typeof hierarchyAt>) =>
  h.systems.map((sys) => [
    sys.system.name,
    sys.places.map((p) => [
      p.place.name,
      p.schemes.map((sc) => [
        sc.scheme.name,
        sc.neighbourhoods.map((n) => [n.neighbourhood.name, n.teams.map((t) => t.name)]),
      ]),
    ]),
  ]);

describe("hierarchyAt", () => {
  it("builds system → places → schemes → neighbourhoods → teams, sorted by name", () => {
    expect(names(hierarchyAt(s, "2024-01-01"))).toEqual([
      [
        "Synthetic ICS",
        [
          ["Synthetic Abbey", [["Synthetic PCN Scheme", [["Synthetic PCN B (redrawn)", []]]]]],
          [
            "Synthetic Wells",
            [
              [
                "Synthetic Council Scheme",
                [
                  ["Synthetic East", []],
                  ["Synthetic West", ["Synthetic West Team A", "Synthetic West Team B"]],
                ],
              ],
              ["Synthetic PCN Scheme", [["Synthetic PCN A", []]]],
            ],
          ],
        ],
      ],
      // The PCN scheme belongs to the first system: the other system's place has no scheme.
      ["Synthetic Other ICS", [["Synthetic Moor", []]]],
    ]);
  });

  it("uses the versions valid on the date", () => {
    const h = hierarchyAt(s, "2020-06-01", { systemId: idOf("system", 1) });
    const placeNames = h.systems[0]?.places.map((p) => p.place.name);
    expect(placeNames).toEqual(["Synthetic Abbey", "Synthetic Gone", "Synthetic Wells"]);
    const abbey = h.systems[0]?.places[0];
    expect(abbey?.schemes[0]?.neighbourhoods.map((n) => n.neighbourhood.name)).toEqual([
      "Synthetic PCN B",
    ]);
    const east = h.systems[0]?.places[2]?.schemes[0]?.neighbourhoods[0];
    expect(east?.teams.map((t) => t.name)).toEqual(["Synthetic Old Team"]);
  });

  it("keeps to one scheme with the schemeId option", () => {
    const h = hierarchyAt(s, "2024-01-01", {
      schemeId: idOf("neighbourhoodScheme", 2),
      systemId: idOf("system", 1),
    });
    expect(names(h)).toEqual([
      [
        "Synthetic ICS",
        [
          ["Synthetic Abbey", [["Synthetic PCN Scheme", [["Synthetic PCN B (redrawn)", []]]]]],
          ["Synthetic Wells", [["Synthetic PCN Scheme", [["Synthetic PCN A", []]]]]],
        ],
      ],
    ]);
  });

  it("is empty before anything existed", () => {
    expect(hierarchyAt(s, "2019-01-01").systems).toEqual([]);
  });
});
