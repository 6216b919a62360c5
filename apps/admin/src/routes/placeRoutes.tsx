/**
 * @module placeRoutes
 * A place on a date: its structure (schemes, neighbourhoods, teams), its map, the
 * organisations, bodies and collaboratives in it, and its versions over time.
 */
import { codeOf, type HierarchyPlace, type Neighbourhood, type Place } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import type { Atlas, MapNeighbourhood } from "../map/Atlas.js";
import type { Paths } from "../Paths.js";
import { PlacePage } from "../views/pages/PlacePage.js";
import type { PageDeps } from "./PageDeps.js";
import { pageQuery, pageStatus } from "./PageQuery.js";
import { shownVersion } from "./Versions.js";

/** The map of a place with some of its neighbourhoods, each linking to its page. */
export const placeMap = (
  maps: Atlas | undefined,
  paths: Paths,
  place: Place,
  neighbourhoods: ReadonlyArray<Neighbourhood>,
  validAtGiven: string | undefined,
  date: string,
) => {
  const code = codeOf(place.codes, "gss", date) ?? codeOf(place.codes, "gss");
  if (maps === undefined || code === undefined) return undefined;
  const list: MapNeighbourhood[] = neighbourhoods.map((n) => ({
    id: n.id,
    name: n.name,
    href: paths.neighbourhood(n.id, { validAt: validAtGiven }),
    lsoas: n.footprint.lsoas,
  }));
  return maps.placeMap(
    { code, name: place.name, href: paths.place(place.id, { validAt: validAtGiven }) },
    list,
  );
};

/** Registers the place page. */
export const registerPlaceRoutes = (
  app: Hono<AdminEnv>,
  deps: PageDeps,
  atlas: () => Promise<Atlas | undefined>,
): void => {
  app.get("/places/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(deps.runtime, (register) =>
      Effect.gen(function* () {
        const { versions } = yield* register.getVersions("place", id);
        const { hierarchy } = yield* register.hierarchy({ validAt: q.validAt });
        const organisations = yield* register.listAll("organisation", {
          validAt: q.validAt,
          filter: { placeId: id },
        });
        const bodies = yield* register.listAll("governanceBody", {
          validAt: q.validAt,
          filter: { placeId: id },
        });
        const collaboratives = yield* register.listAll("collaborative", {
          validAt: q.validAt,
          filter: { placeId: id },
        });
        const directory = yield* register.directory();
        return {
          versions,
          hierarchy,
          organisations: organisations.items,
          bodies: bodies.items,
          collaboratives: collaboratives.items,
          directory,
        };
      }),
    );
    const { version: place, validOnDate } = shownVersion(data.versions, q.validAt);
    let structure: HierarchyPlace | undefined;
    for (const system of data.hierarchy.systems) {
      structure ??= system.places.find((p) => p.place.id === id);
    }
    const footprintScheme = structure?.schemes.find((s) =>
      s.neighbourhoods.some((n) => n.neighbourhood.footprint.lsoas.length > 0),
    );
    const map = placeMap(
      await atlas(),
      deps.paths,
      place,
      footprintScheme?.neighbourhoods.map((n) => n.neighbourhood) ?? [],
      q.validAtGiven,
      q.validAt,
    );
    const kinds = new Map<string, number>();
    for (const o of data.organisations) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
    return page(
      c,
      <PlacePage
        ctx={c.get("view")}
        data={{
          ...q,
          place,
          versions: data.versions,
          validOnDate,
          structure,
          map,
          organisations: [...kinds]
            .map(([kind, count]) => ({ kind, count }))
            .sort((a, b) => b.count - a.count),
          bodies: data.bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
          collaboratives: data.collaboratives.map((x) => ({ id: x.id, name: x.name })),
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
      pageStatus(q),
    );
  });
};
