/**
 * @module NeighbourhoodPage
 * A neighbourhood on a date: its place and scheme, population, footprint (LSOAs, PCNs,
 * practices) drawn on a map, its teams, and its versions over time.
 */
import type { Lsoa, Neighbourhood, NeighbourhoodTeam } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import type { MapModel } from "../../map/Atlas.js";
import { MapSvg } from "../../map/MapSvg.js";
import { DateFilter } from "../components/DateFilter.js";
import { formatCount, formatDate, SummaryList, Table } from "../components/Display.js";
import { humanise, RecordLink } from "../components/Links.js";
import { RecordActions } from "../components/RecordActions.js";
import { commonRows, NotValidOn, Versions } from "../components/RecordParts.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the neighbourhood page shows. */
export interface NeighbourhoodData {
  readonly neighbourhood: Neighbourhood;
  readonly versions: ReadonlyArray<Neighbourhood>;
  readonly validOnDate: boolean;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly teams: ReadonlyArray<NeighbourhoodTeam>;
  readonly lsoas: ReadonlyArray<Lsoa | { readonly code: string }>;
  readonly map: MapModel | undefined;
  readonly name: (id: string) => string;
}

/** The neighbourhood page. */
export const NeighbourhoodPage: FC<{ ctx: ViewContext; data: NeighbourhoodData }> = ({
  ctx,
  data,
}) => {
  const { paths } = ctx;
  const n = data.neighbourhood;
  const q = { validAt: data.validAtGiven };
  const population = n.population;
  return (
    <Layout
      ctx={ctx}
      title={n.name}
      section="hierarchy"
      hasErrors={data.validAtError !== undefined}
      breadcrumbs={[
        { text: "Hierarchy", href: paths.hierarchy(q) },
        { text: data.name(n.placeId), href: paths.place(n.placeId, q) },
      ]}
    >
      <span class="nhsuk-caption-l">Neighbourhood in {data.name(n.placeId)}</span>
      <h1>{n.name}</h1>
      <RecordActions ctx={ctx} id={n.id} name={n.name} validAt={data.validAtGiven} />
      <DateFilter
        action={paths.neighbourhood(n.id)}
        validAt={data.validAt}
        error={data.validAtError}
      />
      {!data.validOnDate && <NotValidOn date={formatDate(data.validAt)} versions={data.versions} />}
      <SummaryList
        rows={[
          {
            key: "Place",
            value: (
              <RecordLink paths={paths} id={n.placeId} name={data.name(n.placeId)} query={q} />
            ),
          },
          {
            key: "Scheme",
            value: <a href={paths.record(n.schemeId, q)}>{data.name(n.schemeId)}</a>,
          },
          {
            key: "Population",
            value:
              population === undefined
                ? "Not recorded"
                : `${formatCount(population.value)} (${population.basis}, ${formatDate(population.date)}, source ${population.source})${population.derivation === undefined ? "" : `; ${population.derivation}`}`,
          },
          { key: "LSOAs", value: formatCount(n.footprint.lsoas.length) },
          {
            key: "PCNs",
            value:
              n.footprint.pcnIds.length === 0
                ? "None"
                : n.footprint.pcnIds.map((id, i) => (
                    <>
                      {i > 0 && ", "}
                      <RecordLink paths={paths} id={id} name={data.name(id)} query={q} />
                    </>
                  )),
          },
          {
            key: "GP practices",
            value:
              n.footprint.practiceIds.length === 0
                ? "None"
                : n.footprint.practiceIds.map((id, i) => (
                    <>
                      {i > 0 && ", "}
                      <RecordLink paths={paths} id={id} name={data.name(id)} query={q} />
                    </>
                  )),
          },
          ...commonRows(n),
        ]}
      />
      {data.map !== undefined && (
        <MapSvg map={data.map} title={`Footprint of ${n.name}`} labels={false} />
      )}
      <h2>Neighbourhood teams</h2>
      {data.teams.length === 0 ? (
        <p>No team is recorded for this neighbourhood on this date.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {data.teams.map((team) => (
            <li>
              <a href={paths.team(team.id, q)}>{team.name}</a>
              {team.members.length > 0 && ` (${team.members.length} roles)`}
            </li>
          ))}
        </ul>
      )}
      <Versions
        versions={data.versions}
        current={data.validOnDate ? n : undefined}
        href={(date) => paths.neighbourhood(n.id, { validAt: date })}
        describe={(v) =>
          "footprint" in v
            ? `${v.name}: ${formatCount(v.footprint.lsoas.length)} LSOAs, ${v.footprint.pcnIds.length} PCNs`
            : v.id
        }
      />
      {data.lsoas.length > 0 && (
        <details class="nhsuk-details">
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">
              The {formatCount(data.lsoas.length)} LSOAs of the footprint
            </span>
          </summary>
          <div class="nhsuk-details__text">
            <Table
              caption="LSOAs"
              captionSize="s"
              columns={[
                { header: "Code", cell: (l) => <code>{l.code}</code> },
                { header: "Name", cell: (l) => ("name" in l ? l.name : "Not in the geography") },
                {
                  header: "Residents",
                  numeric: true,
                  cell: (l) =>
                    "population" in l && l.population !== undefined
                      ? formatCount(l.population.value)
                      : "—",
                },
              ]}
              rows={data.lsoas}
            />
          </div>
        </details>
      )}
    </Layout>
  );
};

/** A team member's role in words. */
export const roleLabel = (role: string, labels: Readonly<Record<string, string>>): string =>
  labels[role] ?? humanise(role);
