/**
 * @module TeamPage
 * An integrated neighbourhood team: its neighbourhood, lead, whether it is GP-led, its
 * members (roles from the controlled vocabulary, each with a host organisation) and the
 * strategy it serves.
 */
import { type NeighbourhoodTeam, teamRoleLabels } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { DateFilter } from "../components/DateFilter.js";
import { formatDate, SummaryList, Table } from "../components/Display.js";
import { RecordLink } from "../components/Links.js";
import { RecordActions } from "../components/RecordActions.js";
import { commonRows, NotValidOn, Versions } from "../components/RecordParts.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";
import { roleLabel } from "./NeighbourhoodPage.js";

/** What the team page shows. */
export interface TeamData {
  readonly team: NeighbourhoodTeam;
  readonly versions: ReadonlyArray<NeighbourhoodTeam>;
  readonly validOnDate: boolean;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly placeId: string | undefined;
  readonly name: (id: string) => string;
}

/** The team page. */
export const TeamPage: FC<{ ctx: ViewContext; data: TeamData }> = ({ ctx, data }) => {
  const { paths } = ctx;
  const { team } = data;
  const q = { validAt: data.validAtGiven };
  return (
    <Layout
      ctx={ctx}
      title={team.name}
      section="hierarchy"
      hasErrors={data.validAtError !== undefined}
      breadcrumbs={[
        { text: "Hierarchy", href: paths.hierarchy(q) },
        ...(data.placeId === undefined
          ? []
          : [{ text: data.name(data.placeId), href: paths.place(data.placeId, q) }]),
        {
          text: data.name(team.neighbourhoodId),
          href: paths.neighbourhood(team.neighbourhoodId, q),
        },
      ]}
    >
      <span class="nhsuk-caption-l">Integrated neighbourhood team</span>
      <h1>{team.name}</h1>
      <RecordActions ctx={ctx} id={team.id} name={team.name} validAt={data.validAtGiven} />
      <DateFilter action={paths.team(team.id)} validAt={data.validAt} error={data.validAtError} />
      {!data.validOnDate && <NotValidOn date={formatDate(data.validAt)} versions={data.versions} />}
      <SummaryList
        rows={[
          {
            key: "Neighbourhood",
            value: (
              <RecordLink
                paths={paths}
                id={team.neighbourhoodId}
                name={data.name(team.neighbourhoodId)}
                query={q}
              />
            ),
          },
          {
            key: "Lead organisation",
            value:
              team.leadOrganisationId === undefined ? (
                "Not recorded"
              ) : (
                <RecordLink
                  paths={paths}
                  id={team.leadOrganisationId}
                  name={data.name(team.leadOrganisationId)}
                  query={q}
                />
              ),
          },
          { key: "GP-led", value: team.gpLed ? "Yes" : "No" },
          {
            key: "Strategy",
            value:
              team.strategyLinks.length === 0
                ? "None"
                : team.strategyLinks.map((id, i) => (
                    <>
                      {i > 0 && "; "}
                      <a href={paths.strategy()}>{data.name(id)}</a>
                    </>
                  )),
          },
          ...commonRows(team),
        ]}
      />
      <Table
        caption="Members"
        columns={[
          { header: "Role", cell: (m) => roleLabel(m.role, teamRoleLabels) },
          {
            header: "Host organisation",
            cell: (m) => (
              <RecordLink
                paths={paths}
                id={m.hostOrganisationId}
                name={data.name(m.hostOrganisationId)}
                query={q}
              />
            ),
          },
          {
            header: "Headcount",
            numeric: true,
            cell: (m) => (m.headcount === undefined ? "—" : String(m.headcount)),
          },
        ]}
        rows={team.members}
        empty="No members are recorded."
      />
      <Versions
        versions={data.versions}
        current={data.validOnDate ? team : undefined}
        href={(date) => paths.team(team.id, { validAt: date })}
        describe={(v) => ("members" in v ? `${v.name}: ${v.members.length} roles` : v.id)}
      />
    </Layout>
  );
};
