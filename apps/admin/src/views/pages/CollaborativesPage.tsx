/**
 * @module CollaborativesPage
 * Provider collaboratives by level (system, place, neighbourhood), and one collaborative
 * with its members, lead and the strategy it serves.
 */
import type { Collaborative, Relationship } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { DateFilter } from "../components/DateFilter.js";
import { formatDate, SummaryList, Table } from "../components/Display.js";
import { humanise, RecordLink } from "../components/Links.js";
import { RecordActions } from "../components/RecordActions.js";
import { commonRows, NotValidOn } from "../components/RecordParts.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the collaboratives page shows. */
export interface CollaborativesData {
  readonly collaboratives: ReadonlyArray<Collaborative>;
  readonly members: ReadonlyMap<string, number>;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly name: (id: string) => string;
}

const levels = ["system", "place", "neighbourhood"] as const;

/** The list of collaboratives. */
export const CollaborativesPage: FC<{ ctx: ViewContext; data: CollaborativesData }> = ({
  ctx,
  data,
}) => {
  const { paths } = ctx;
  const q = { validAt: data.validAtGiven };
  return (
    <Layout
      ctx={ctx}
      title="Collaboratives"
      section="collaboratives"
      hasErrors={data.validAtError !== undefined}
    >
      <h1>Provider collaboratives</h1>
      <DateFilter
        action={paths.collaboratives()}
        validAt={data.validAt}
        error={data.validAtError}
      />
      {levels.map((level) => (
        <Table
          caption={`${humanise(level)} level`}
          columns={[
            {
              header: "Collaborative",
              cell: (c) => <a href={paths.collaborative(c.id, q)}>{c.name}</a>,
            },
            {
              header: "Where",
              cell: (c) => {
                const where = c.neighbourhoodId ?? c.placeId ?? c.systemId;
                return where === undefined ? "—" : data.name(where);
              },
            },
            { header: "Purposes", cell: (c) => c.purposes.map(humanise).join("; ") },
            { header: "Members", numeric: true, cell: (c) => String(data.members.get(c.id) ?? 0) },
          ]}
          rows={data.collaboratives.filter((c) => c.level === level)}
          empty={`No ${level}-level collaborative on ${formatDate(data.validAt)}.`}
        />
      ))}
    </Layout>
  );
};

/** What one collaborative's page shows. */
export interface CollaborativeData {
  readonly collaborative: Collaborative;
  readonly versions: ReadonlyArray<Collaborative>;
  readonly validOnDate: boolean;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly relationships: ReadonlyArray<Relationship>;
  readonly name: (id: string) => string;
}

/** One collaborative. */
export const CollaborativePage: FC<{ ctx: ViewContext; data: CollaborativeData }> = ({
  ctx,
  data,
}) => {
  const { paths } = ctx;
  const c = data.collaborative;
  const q = { validAt: data.validAtGiven };
  const link = (id: string) => <RecordLink paths={paths} id={id} name={data.name(id)} query={q} />;
  const where = c.neighbourhoodId ?? c.placeId ?? c.systemId;
  return (
    <Layout
      ctx={ctx}
      title={c.name}
      section="collaboratives"
      hasErrors={data.validAtError !== undefined}
      breadcrumbs={[{ text: "Collaboratives", href: paths.collaboratives(q) }]}
    >
      <span class="nhsuk-caption-l">{humanise(c.level)}-level collaborative</span>
      <h1>{c.name}</h1>
      <RecordActions ctx={ctx} id={c.id} name={c.name} validAt={data.validAtGiven} />
      <DateFilter
        action={paths.collaborative(c.id)}
        validAt={data.validAt}
        error={data.validAtError}
      />
      {!data.validOnDate && <NotValidOn date={formatDate(data.validAt)} versions={data.versions} />}
      <SummaryList
        rows={[
          { key: "Level", value: humanise(c.level) },
          { key: "Where", value: where === undefined ? "—" : link(where) },
          { key: "Purposes", value: c.purposes.map(humanise).join("; ") },
          { key: "Description", value: c.description ?? "—" },
          {
            key: "Strategy",
            value:
              c.strategyLinks.length === 0 ? (
                "None"
              ) : (
                <ul class="nhsuk-list">
                  {c.strategyLinks.map((id) => (
                    <li>
                      <a href={paths.strategy()}>{data.name(id)}</a>
                    </li>
                  ))}
                </ul>
              ),
          },
          ...commonRows(c),
        ]}
      />
      <Table
        caption={`Members and roles on ${formatDate(data.validAt)}`}
        columns={[
          { header: "Organisation", cell: (r) => link(r.subjectId) },
          { header: "Relationship", cell: (r) => humanise(r.kind) },
          { header: "Role", cell: (r) => r.role ?? "—" },
        ]}
        rows={data.relationships}
        empty="No members are recorded on this date."
      />
    </Layout>
  );
};
