/**
 * @module PlacePage
 * A place (locality) on a date: its details, a map of its neighbourhoods, its
 * neighbourhoods by scheme with their teams, and its bodies and collaboratives.
 */
import type { HierarchyPlace, Place } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import type { MapModel } from "../../map/Atlas.js";
import { MapSvg } from "../../map/MapSvg.js";
import { DateFilter } from "../components/DateFilter.js";
import { formatCount, formatDate, SummaryList, Table } from "../components/Display.js";
import { humanise, RecordLink } from "../components/Links.js";
import { RecordActions } from "../components/RecordActions.js";
import { Codes, commonRows, NotValidOn, Versions } from "../components/RecordParts.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the place page shows. */
export interface PlaceData {
  readonly place: Place;
  readonly versions: ReadonlyArray<Place>;
  readonly validOnDate: boolean;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly structure: HierarchyPlace | undefined;
  readonly map: MapModel | undefined;
  readonly organisations: ReadonlyArray<{ readonly kind: string; readonly count: number }>;
  readonly bodies: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly kind: string;
  }>;
  readonly collaboratives: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly name: (id: string) => string;
}

/** The place page. */
export const PlacePage: FC<{ ctx: ViewContext; data: PlaceData }> = ({ ctx, data }) => {
  const { paths } = ctx;
  const { place } = data;
  const q = { validAt: data.validAtGiven };
  const schemes = data.structure?.schemes.filter((s) => s.neighbourhoods.length > 0) ?? [];
  return (
    <Layout
      ctx={ctx}
      title={place.name}
      section="hierarchy"
      hasErrors={data.validAtError !== undefined}
      breadcrumbs={[{ text: "Hierarchy", href: paths.hierarchy(q) }]}
    >
      <span class="nhsuk-caption-l">Place</span>
      <h1>{place.name}</h1>
      <RecordActions ctx={ctx} id={place.id} name={place.name} validAt={data.validAtGiven} />
      <DateFilter action={paths.place(place.id)} validAt={data.validAt} error={data.validAtError} />
      {!data.validOnDate && <NotValidOn date={formatDate(data.validAt)} versions={data.versions} />}
      <SummaryList
        rows={[
          { key: "Codes", value: <Codes codes={place.codes} /> },
          {
            key: "System",
            value: (
              <RecordLink
                paths={paths}
                id={place.systemId}
                name={data.name(place.systemId)}
                query={q}
              />
            ),
          },
          {
            key: "Council",
            value:
              place.councilId === undefined ? (
                "Not recorded"
              ) : (
                <RecordLink
                  paths={paths}
                  id={place.councilId}
                  name={data.name(place.councilId)}
                  query={q}
                />
              ),
          },
          {
            key: "Sub-ICB location",
            value:
              place.subIcbLocationId === undefined ? (
                "Not recorded"
              ) : (
                <RecordLink
                  paths={paths}
                  id={place.subIcbLocationId}
                  name={data.name(place.subIcbLocationId)}
                  query={q}
                />
              ),
          },
          {
            key: "Place-based lead",
            value:
              place.placeBasedLead === undefined
                ? "Not recorded"
                : `${place.placeBasedLead.title}${place.placeBasedLead.holder === undefined ? "" : `: ${place.placeBasedLead.holder}`}`,
          },
          ...commonRows(place),
        ]}
      />
      {data.map !== undefined && (
        <MapSvg
          map={data.map}
          title={`Neighbourhoods of ${place.name} on ${formatDate(data.validAt)}`}
          labels={false}
        />
      )}
      <h2>Neighbourhoods on {formatDate(data.validAt)}</h2>
      {schemes.length === 0 && <p>No neighbourhoods were recorded for this place on this date.</p>}
      {schemes.map(({ scheme, neighbourhoods }) => (
        <Table
          caption={`${scheme.name} (${humanise(scheme.status)}, ${humanise(scheme.basis)})`}
          captionSize="s"
          columns={[
            {
              header: "Neighbourhood",
              cell: (row) => (
                <a href={paths.neighbourhood(row.neighbourhood.id, q)}>{row.neighbourhood.name}</a>
              ),
            },
            {
              header: "Population",
              numeric: true,
              cell: (row) =>
                row.neighbourhood.population === undefined
                  ? "—"
                  : formatCount(row.neighbourhood.population.value),
            },
            {
              header: "Footprint",
              cell: (row) => {
                const f = row.neighbourhood.footprint;
                const parts = [
                  f.lsoas.length > 0 ? `${formatCount(f.lsoas.length)} LSOAs` : "",
                  f.pcnIds.length > 0 ? `${f.pcnIds.length} PCNs` : "",
                  f.practiceIds.length > 0 ? `${f.practiceIds.length} practices` : "",
                ].filter((p) => p !== "");
                return parts.join(", ");
              },
            },
            {
              header: "Teams",
              cell: (row) =>
                row.teams.length === 0
                  ? "—"
                  : row.teams.map((team, i) => (
                      <>
                        {i > 0 && ", "}
                        <a href={paths.team(team.id, q)}>{team.name}</a>
                      </>
                    )),
            },
          ]}
          rows={neighbourhoods}
        />
      ))}
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-one-half">
          <Table
            caption="Organisations in this place"
            captionSize="s"
            columns={[
              {
                header: "Kind",
                cell: (row) => (
                  <a
                    href={paths.organisations({
                      place: place.id,
                      kind: row.kind,
                      validAt: data.validAtGiven,
                    })}
                  >
                    {humanise(row.kind)}
                  </a>
                ),
              },
              { header: "Count", numeric: true, cell: (row) => formatCount(row.count) },
            ]}
            rows={data.organisations}
          />
        </div>
        <div class="nhsuk-grid-column-one-half">
          <h2 class="nhsuk-heading-s">Boards and collaboratives</h2>
          {data.bodies.length + data.collaboratives.length === 0 ? (
            <p>None recorded.</p>
          ) : (
            <ul class="nhsuk-list nhsuk-list--bullet">
              {data.bodies.map((body) => (
                <li>
                  <a href={paths.record(body.id, q)}>{body.name}</a> ({humanise(body.kind)})
                </li>
              ))}
              {data.collaboratives.map((c) => (
                <li>
                  <a href={paths.collaborative(c.id, q)}>{c.name}</a> (collaborative)
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <Versions
        versions={data.versions}
        current={data.validOnDate ? place : undefined}
        href={(date) => paths.place(place.id, { validAt: date })}
        describe={(v) => ("name" in v ? v.name : v.id)}
      />
    </Layout>
  );
};
