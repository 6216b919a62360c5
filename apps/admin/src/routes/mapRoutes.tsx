/**
 * @module mapRoutes
 * The map of the system on a date: its places (each a link) and the neighbourhood
 * boundaries of one scheme.
 */
import { codeOf } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import type { Atlas } from "../map/Atlas.js";
import { MapPage } from "../views/pages/MapPage.js";
import { schemeOptions } from "./hierarchyRoutes.js";
import type { PageDeps } from "./PageDeps.js";
import { pageQuery, pageStatus } from "./PageQuery.js";

/** Registers the map page. */
export const registerMapRoutes = (
  app: Hono<AdminEnv>,
  deps: PageDeps,
  atlas: () => Promise<Atlas | undefined>,
): void => {
  const { runtime, paths } = deps;

  app.get("/map", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const requested = c.req.query("scheme") || undefined;
    const [data, maps] = await Promise.all([
      runVerb(runtime, (register) =>
        Effect.gen(function* () {
          const schemes = yield* schemeOptions(register, q.validAt);
          // By default, a scheme whose neighbourhoods are areas (they can be drawn).
          const drawable = yield* register.listAll("neighbourhoodScheme", {
            validAt: q.validAt,
            filter: (s) => s.basis !== "registered-population",
          });
          const schemeId =
            requested !== undefined && schemes.some((s) => s.value === requested)
              ? requested
              : (drawable.items[0]?.id ?? schemes[0]?.value);
          const places = yield* register.listAll("place", { validAt: q.validAt });
          const neighbourhoods = yield* register.listAll("neighbourhood", {
            validAt: q.validAt,
            filter: schemeId === undefined ? undefined : (n) => n.schemeId === schemeId,
          });
          return {
            schemes,
            schemeId,
            places: places.items,
            neighbourhoods: neighbourhoods.items,
          };
        }),
      ),
      atlas(),
    ]);
    const places = [...data.places].sort((a, b) => a.name.localeCompare(b.name));
    const map = maps?.systemMap(
      places.flatMap((p) => {
        const code = codeOf(p.codes, "gss", q.validAt) ?? codeOf(p.codes, "gss");
        return code === undefined
          ? []
          : [{ code, name: p.name, href: paths.place(p.id, { validAt: q.validAtGiven }) }];
      }),
      data.neighbourhoods.map((n) => ({
        id: n.id,
        name: n.name,
        href: paths.neighbourhood(n.id),
        lsoas: n.footprint.lsoas,
      })),
    );
    return page(
      c,
      <MapPage
        ctx={c.get("view")}
        data={{
          ...q,
          map,
          schemes: data.schemes,
          schemeId: data.schemeId,
          places: places.map((p) => ({
            id: p.id,
            name: p.name,
            neighbourhoods: data.neighbourhoods.filter((n) => n.placeId === p.id).length,
          })),
        }}
      />,
      pageStatus(q),
    );
  });
};
