/**
 * @module teamRoutes
 * An integrated neighbourhood team on a date: its neighbourhood and place, lead, members by
 * role, the strategy it serves, and its versions over time.
 */
import type { Neighbourhood } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import { TeamPage } from "../views/pages/TeamPage.js";
import type { PageDeps } from "./PageDeps.js";
import { pageQuery, pageStatus } from "./PageQuery.js";
import { shownVersion } from "./Versions.js";

/** Registers the team page. */
export const registerTeamRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  app.get("/teams/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await runVerb(deps.runtime, (register) =>
      Effect.all({
        versions: Effect.map(register.getVersions("team", id), (read) => read.versions),
        directory: register.directory(),
      }),
    );
    const { version: team, validOnDate } = shownVersion(data.versions, q.validAt);
    const neighbourhood = data.directory.version(team.neighbourhoodId, q.validAt) as
      | Neighbourhood
      | undefined;
    return page(
      c,
      <TeamPage
        ctx={c.get("view")}
        data={{
          ...q,
          team,
          versions: data.versions,
          validOnDate,
          placeId: neighbourhood?.placeId,
          name: (other) => data.directory.name(other, q.validAt),
        }}
      />,
      pageStatus(q),
    );
  });
};
