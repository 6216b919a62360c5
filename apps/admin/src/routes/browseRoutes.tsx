/**
 * @module browseRoutes
 * The read-only pages: dashboard, findings, hierarchy, map, place, neighbourhood, team.
 * Each handler reads through the services (one Effect program on the runtime) and renders
 * a pure view of what it read.
 */
import {
  codeOf,
  type Entity,
  type EntityKind,
  entityKinds,
  type HierarchyPlace,
  type Lsoa,
  type Neighbourhood,
  type NeighbourhoodTeam,
  type Place,
  ruleCatalogue,
} from "@care-atlas/domain";
import type { RegisterShape } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { readRegister } from "../http/RegisterCall.js";
import { page } from "../http/Render.js";
import type { Atlas, MapNeighbourhood } from "../map/Atlas.js";
import { DashboardPage, type RuleFindings } from "../views/pages/DashboardPage.js";
import { FindingsPage } from "../views/pages/FindingsPage.js";
import { HierarchyPage } from "../views/pages/HierarchyPage.js";
import { MapPage } from "../views/pages/MapPage.js";
import { NeighbourhoodPage } from "../views/pages/NeighbourhoodPage.js";
import { PlacePage } from "../views/pages/PlacePage.js";
import { TeamPage } from "../views/pages/TeamPage.js";
import type { PageDeps } from "./PageDeps.js";
import { listAll, names, pageQuery } from "./Reads.js";

/** Counted on the dashboard, in this order. */
const dashboardKinds: ReadonlyArray<EntityKind> = entityKinds.filter((k) => k !== "relationship");

const versionOn = <T extends Entity>(versions: ReadonlyArray<T>, date: string): T | undefined =>
  versions.find((v) => v.valid.from <= date && (v.valid.to === null || date < v.valid.to));

/** The version valid on the date, else the latest one. */
const shownVersion = <T extends Entity>(versions: ReadonlyArray<T>, date: string) => {
  const on = versionOn(versions, date);
  const version = on ?? versions.at(-1);
  return { version, validOnDate: on !== undefined };
};

/** Registers the browse routes. */
export const registerBrowseRoutes = (
  app: Hono<AdminEnv>,
  deps: PageDeps,
  atlas: () => Promise<Atlas | undefined>,
): void => {
  const { runtime, paths } = deps;

  app.get("/", async (c) => {
    const validAt = deps.today();
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const counts = yield* Effect.forEach(dashboardKinds, (kind) =>
          Effect.map(listAll(register, kind, { validAt }), (items) => ({
            kind,
            count: items.length,
            href: kind === "organisation" ? paths.organisations() : paths.findings(),
          })),
        );
        const rules = yield* register.checkRules();
        const version = yield* register.dataVersion;
        const recent = yield* register.changes({ after: Math.max(0, version - 5), limit: 5 });
        const directory = yield* names(register);
        return { counts, rules, recent, directory };
      }),
    );
    const byRule: RuleFindings[] = [];
    for (const rule of ruleCatalogue) {
      const findings = data.rules.findings.filter((f) => f.rule === rule.id);
      if (findings.length > 0) {
        byRule.push({ rule: rule.id, title: rule.title, severity: rule.severity, findings });
      }
    }
    byRule.sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
    const linkOf = (kind: EntityKind): string => {
      switch (kind) {
        case "organisation":
          return paths.organisations();
        case "collaborative":
          return paths.collaboratives();
        case "pooledBudget":
        case "decision":
        case "governanceBody":
          return paths.commissioning();
        case "strategyElement":
          return paths.strategy();
        case "place":
        case "system":
        case "neighbourhood":
        case "neighbourhoodScheme":
        case "team":
          return paths.hierarchy();
        default:
          return paths.changes();
      }
    };
    return page(
      c,
      <DashboardPage
        ctx={c.get("view")}
        data={{
          validAt,
          counts: data.counts.map((row) => ({ ...row, href: linkOf(row.kind) })),
          rules: byRule,
          errors: data.rules.errors,
          warnings: data.rules.warnings,
          recent: [...data.recent.changes].reverse().map((change) => ({
            seq: change.seq,
            recordedAt: change.recordedAt,
            actor: change.actor,
            reason: change.reason,
            operation: change.operation,
            id: change.id,
            name: data.directory.name(change.id),
          })),
          name: (id) => data.directory.name(id),
        }}
      />,
    );
  });

  app.get("/findings", async (c) => {
    const rule = c.req.query("rule") || undefined;
    const severity = c.req.query("severity") || undefined;
    const data = await readRegister(runtime, (register) =>
      Effect.all({ rules: register.checkRules(), directory: names(register) }),
    );
    const findings = data.rules.findings.filter(
      (f) =>
        (rule === undefined || f.rule === rule) &&
        (severity === undefined || f.severity === severity),
    );
    return page(
      c,
      <FindingsPage
        ctx={c.get("view")}
        data={{
          findings,
          total: findings.length,
          rules: ruleCatalogue.map((r) => ({ value: r.id, text: r.title })),
          rule,
          severity,
          name: (id) => data.directory.name(id),
          limit: 500,
        }}
      />,
    );
  });

  const schemeOptions = (validAt: string) => (register: RegisterShape) =>
    Effect.map(listAll(register, "neighbourhoodScheme", { validAt }), (schemes) =>
      schemes
        .map((s) => ({ value: s.id, text: s.name }))
        .sort((a, b) => a.text.localeCompare(b.text)),
    );

  app.get("/hierarchy", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const requested = c.req.query("scheme") || undefined;
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const schemes = yield* schemeOptions(q.validAt)(register);
        const schemeId =
          requested !== undefined && schemes.some((s) => s.value === requested)
            ? requested
            : undefined;
        const read = yield* register.hierarchy({ validAt: q.validAt, schemeId });
        return { schemes, schemeId, hierarchy: read.hierarchy };
      }),
    );
    return page(
      c,
      <HierarchyPage ctx={c.get("view")} data={{ ...q, ...data }} />,
      q.validAtError === undefined ? 200 : 400,
    );
  });

  app.get("/map", async (c) => {
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const requested = c.req.query("scheme") || undefined;
    const [data, maps] = await Promise.all([
      readRegister(runtime, (register) =>
        Effect.gen(function* () {
          const schemes = yield* schemeOptions(q.validAt)(register);
          // By default, a scheme whose neighbourhoods are areas (they can be drawn).
          const drawable = yield* listAll(register, "neighbourhoodScheme", {
            validAt: q.validAt,
            filter: (s) => s.basis !== "registered-population",
          });
          const schemeId =
            requested !== undefined && schemes.some((s) => s.value === requested)
              ? requested
              : (drawable[0]?.id ?? schemes[0]?.value);
          const places = yield* listAll(register, "place", { validAt: q.validAt });
          const neighbourhoods = yield* listAll(register, "neighbourhood", {
            validAt: q.validAt,
            filter: schemeId === undefined ? undefined : (n) => n.schemeId === schemeId,
          });
          return { schemes, schemeId, places, neighbourhoods };
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
      q.validAtError === undefined ? 200 : 400,
    );
  });

  const placeMap = async (
    place: Place,
    neighbourhoods: ReadonlyArray<Neighbourhood>,
    validAtGiven: string | undefined,
    date: string,
  ) => {
    const maps = await atlas();
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

  app.get("/places/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const read = yield* register.getEntity("place", id, { validAt: q.validAt }).pipe(
          Effect.catchTag("NotFound", (error) =>
            // No version on the date: show the latest, if the place exists at all.
            Effect.flatMap(register.readModel, (model) => {
              const history = model.history(id);
              return history === undefined || history.kind !== "place"
                ? Effect.fail(error)
                : Effect.succeed({ versions: history.versions as ReadonlyArray<Place> });
            }),
          ),
        );
        const hierarchy = yield* register.hierarchy({ validAt: q.validAt });
        const organisations = yield* listAll(register, "organisation", {
          validAt: q.validAt,
          filter: (o) => o.placeId === id,
        });
        const bodies = yield* listAll(register, "governanceBody", {
          validAt: q.validAt,
          filter: (b) => b.placeId === id,
        });
        const collaboratives = yield* listAll(register, "collaborative", {
          validAt: q.validAt,
          filter: (x) => x.placeId === id,
        });
        const directory = yield* names(register);
        return {
          versions: read.versions,
          hierarchy: hierarchy.hierarchy,
          organisations,
          bodies,
          collaboratives,
          directory,
        };
      }),
    );
    const { version: place, validOnDate } = shownVersion(data.versions, q.validAt);
    if (place === undefined) return c.notFound();
    let structure: HierarchyPlace | undefined;
    for (const system of data.hierarchy.systems) {
      structure ??= system.places.find((p) => p.place.id === id);
    }
    const footprintScheme = structure?.schemes.find((s) =>
      s.neighbourhoods.some((n) => n.neighbourhood.footprint.lsoas.length > 0),
    );
    const map = await placeMap(
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
      q.validAtError === undefined ? 200 : 400,
    );
  });

  /** The versions of an entity of a kind, whether or not one is valid on the date. */
  const versionsOf =
    <K extends "neighbourhood" | "team">(kind: K, id: string) =>
    (register: RegisterShape) =>
      Effect.flatMap(register.readModel, (model) => {
        const history = model.history(id);
        return Effect.succeed(
          history === undefined || history.kind !== kind ? undefined : history.versions,
        );
      });

  app.get("/neighbourhoods/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        // Reading through getEntity checks the id and the date; the versions come with it.
        const read = yield* register.getEntity("neighbourhood", id, { validAt: q.validAt }).pipe(
          Effect.map((r) => r.versions as ReadonlyArray<Neighbourhood>),
          Effect.catchTag("NotFound", () =>
            Effect.map(
              versionsOf("neighbourhood", id)(register),
              (v) => v as ReadonlyArray<Neighbourhood> | undefined,
            ),
          ),
        );
        const teams = yield* listAll(register, "team", {
          validAt: q.validAt,
          filter: (t) => t.neighbourhoodId === id,
        });
        const directory = yield* names(register);
        return { versions: read, teams, directory };
      }),
    );
    if (data.versions === undefined || data.versions.length === 0) return c.notFound();
    const { version: neighbourhood, validOnDate } = shownVersion(data.versions, q.validAt);
    if (neighbourhood === undefined) return c.notFound();
    const place = data.directory.version(neighbourhood.placeId, q.validAt) as Place | undefined;
    // Only a footprint of areas can be drawn (a registered-list footprint has no shape).
    const map =
      place === undefined || neighbourhood.footprint.lsoas.length === 0
        ? undefined
        : await placeMap(place, [neighbourhood], q.validAtGiven, q.validAt);
    const lsoas: Array<Lsoa | { code: string }> = neighbourhood.footprint.lsoas.map(
      (code) => data.directory.model.lsoa(code) ?? { code },
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
      q.validAtError === undefined ? 200 : 400,
    );
  });

  app.get("/teams/:id", async (c) => {
    const id = c.req.param("id");
    const q = pageQuery((name) => c.req.query(name), deps.today());
    const data = await readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const versions = yield* register.getEntity("team", id, { validAt: q.validAt }).pipe(
          Effect.map((r) => r.versions as ReadonlyArray<NeighbourhoodTeam>),
          Effect.catchTag("NotFound", () =>
            Effect.map(
              versionsOf("team", id)(register),
              (v) => v as ReadonlyArray<NeighbourhoodTeam> | undefined,
            ),
          ),
        );
        const directory = yield* names(register);
        return { versions, directory };
      }),
    );
    if (data.versions === undefined || data.versions.length === 0) return c.notFound();
    const { version: team, validOnDate } = shownVersion(data.versions, q.validAt);
    if (team === undefined) return c.notFound();
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
      q.validAtError === undefined ? 200 : 400,
    );
  });
};
