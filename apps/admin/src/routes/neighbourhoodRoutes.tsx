/**
 * @module neighbourhoodRoutes
 * A neighbourhood on a date: its footprint (LSOAs, on the map of its place, when it is an
 * area) or registered list, its teams, and its versions over time.
 */
import type { Lsoa, Place } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import type { Atlas } from "../map/Atlas.js";
import { NeighbourhoodPage } from "../views/pages/NeighbourhoodPage.js";
import type { PageDeps } from "./PageDeps.js";
import { pageQuery, pageStatus } from "./PageQuery.js";
import { placeMap } from "./placeRoutes.js";
import { shownVersion } from "./Versions.js";

/** Registers the neighbourhood page. */
export const registerNeighbourhoodRoutes = (
  app: Hono<AdminEnv>,
  deps: PageDeps,
  atlas: () => Promise<Atlas | undefined>,
): void => {
  app.get("/neighbourhoods/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(deps.runtime, (register) =>
      Effect.gen(function* () {
        const { versions } = yield* register.getVersions("neighbourhood", id);
        const teams = yield* register.listAll("team", {
          validAt: q.validAt,
          filter: { neighbourhoodId: id },
        });
        const directory = yield* register.directory();
        return { versions, teams: teams.items, directory };
      }),
    );
    const { version: neighbourhood, validOnDate } = shownVersion(data.versions, q.validAt);
    const place = data.directory.version(neighbourhood.placeId, q.validAt) as Place | undefined;
    // Only a footprint of areas can be drawn (a registered-list footprint has no shape).
    const map =
      place === undefined || neighbourhood.footprint.lsoas.length === 0
        ? undefined
        : placeMap(await atlas(), deps.paths, place, [neighbourhood], q.validAtGiven, q.validAt);
    const lsoas: Array<Lsoa | { code: string }> = neighbourhood.footprint.lsoas.map(
      (code) => data.directory.lsoa(code) ?? { code },
    );
    return page(
      c,
      <NeighbourhoodPage
        ctx={c.get("view")}
        data={{
          ...q,
          neighbourhood,
          versions: data.versions,
          validOnDate,
          teams: data.teams,
          lsoas,
          map,
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
      pageStatus(q),
    );
  });
};
