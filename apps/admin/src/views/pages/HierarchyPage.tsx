/**
 * @module HierarchyPage
 * The structure of the system on a date: system → places → neighbourhoods (by scheme) →
 * neighbourhood teams, with the date picker that shows it as it was.
 */
import type { Hierarchy } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { DateFilter } from "../components/DateFilter.js";
import { formatCount, formatDate } from "../components/Display.js";
import type { Option } from "../components/Fields.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the hierarchy page shows. */
export interface HierarchyData {
  readonly hierarchy: Hierarchy;
  readonly validAt: string;
  /** The date to keep in links (undefined: today, not kept). */
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly schemes: ReadonlyArray<Option>;
  readonly schemeId: string | undefined;
}

/** The hierarchy page. */
export const HierarchyPage: FC<{ ctx: ViewContext; data: HierarchyData }> = ({ ctx, data }) => {
  const { paths } = ctx;
  const q = { validAt: data.validAtGiven };
  const neighbourhoods = data.hierarchy.systems.reduce(
    (sum, s) =>
      sum +
      s.places.reduce(
        (n, p) => n + p.schemes.reduce((m, sc) => m + sc.neighbourhoods.length, 0),
        0,
      ),
    0,
  );
  return (
    <Layout
      ctx={ctx}
      title="Hierarchy"
      section="hierarchy"
      hasErrors={data.validAtError !== undefined}
    >
      <h1>System, places and neighbourhoods</h1>
      <DateFilter
        action={paths.hierarchy()}
        validAt={data.validAt}
        error={data.validAtError}
        schemes={data.schemes}
        schemeId={data.schemeId}
      />
      <p id="hierarchy-date">
        The structure on <strong>{formatDate(data.validAt)}</strong>:{" "}
        {formatCount(data.hierarchy.systems.length)}{" "}
        {data.hierarchy.systems.length === 1 ? "system" : "systems"}, {formatCount(neighbourhoods)}{" "}
        neighbourhoods.
      </p>
      {data.hierarchy.systems.length === 0 && (
        <p>Nothing in the register was valid on this date.</p>
      )}
      {data.hierarchy.systems.map(({ system, places }) => (
        <section>
          <h2>
            <a href={paths.record(system.id, q)}>{system.name}</a>
          </h2>
          <ul class="app-tree">
            {places.map(({ place, schemes }) => (
              <li>
                <a href={paths.place(place.id, q)} class="app-bold">
                  {place.name}
                </a>
                {schemes.filter((s) => s.neighbourhoods.length > 0).length === 0 ? (
                  <span> — no neighbourhoods on this date</span>
                ) : (
                  <ul>
                    {schemes
                      .filter((s) => s.neighbourhoods.length > 0)
                      .map(({ scheme, neighbourhoods: list }) => (
                        <li>
                          <span class="nhsuk-body-s">
                            {scheme.name} ({formatCount(list.length)})
                          </span>
                          <ul>
                            {list.map(({ neighbourhood, teams }) => (
                              <li>
                                <a href={paths.neighbourhood(neighbourhood.id, q)}>
                                  {neighbourhood.name}
                                </a>
                                {teams.length > 0 && (
                                  <ul>
                                    {teams.map((team) => (
                                      <li>
                                        <a href={paths.team(team.id, q)}>{team.name}</a>
                                      </li>
                                    ))}
                                  </ul>
                                )}
                              </li>
                            ))}
                          </ul>
                        </li>
                      ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
};
