/**
 * @module OrganisationPage
 * An organisation: its codes and roles (with their periods), place and parent, its
 * relationships on the date, and its succession timeline (mergers, splits, renames).
 */
import type { Organisation, Relationship, Succession } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { DateFilter } from "../components/DateFilter.js";
import { formatDate, formatPeriod, SummaryList, Table } from "../components/Display.js";
import { humanise, RecordLink } from "../components/Links.js";
import { RecordActions } from "../components/RecordActions.js";
import { Codes, commonRows, NotValidOn, Versions } from "../components/RecordParts.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the organisation page shows. */
export interface OrganisationData {
  readonly organisation: Organisation;
  readonly versions: ReadonlyArray<Organisation>;
  readonly validOnDate: boolean;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly relationships: ReadonlyArray<Relationship>;
  readonly successions: ReadonlyArray<Succession>;
  /** Who carries the organisation on today, when it has closed. */
  readonly carriedOnBy: ReadonlyArray<string>;
  readonly name: (id: string) => string;
}

/** The organisation page. */
export const OrganisationPage: FC<{ ctx: ViewContext; data: OrganisationData }> = ({
  ctx,
  data,
}) => {
  const { paths } = ctx;
  const o = data.organisation;
  const q = { validAt: data.validAtGiven };
  const link = (id: string) => <RecordLink paths={paths} id={id} name={data.name(id)} query={q} />;
  const list = (ids: ReadonlyArray<string>) =>
    ids.map((id, i) => (
      <>
        {i > 0 && ", "}
        {link(id)}
      </>
    ));
  return (
    <Layout
      ctx={ctx}
      title={o.name}
      section="organisations"
      hasErrors={data.validAtError !== undefined}
      breadcrumbs={[{ text: "Organisations", href: paths.organisations() }]}
    >
      <span class="nhsuk-caption-l">{humanise(o.kind)}</span>
      <h1>{o.name}</h1>
      <RecordActions ctx={ctx} id={o.id} name={o.name} validAt={data.validAtGiven} />
      <DateFilter
        action={paths.organisation(o.id)}
        validAt={data.validAt}
        error={data.validAtError}
      />
      {!data.validOnDate && <NotValidOn date={formatDate(data.validAt)} versions={data.versions} />}
      {data.carriedOnBy.length > 0 && (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>Today this organisation's work is carried on by {list(data.carriedOnBy)}.</p>
        </div>
      )}
      <SummaryList
        rows={[
          { key: "Kind", value: humanise(o.kind) },
          { key: "Codes", value: <Codes codes={o.codes} /> },
          {
            key: "Roles",
            value:
              o.roles.length === 0 ? (
                "None recorded"
              ) : (
                <ul class="nhsuk-list">
                  {o.roles.map((r) => (
                    <li>
                      {humanise(r.role)} ({formatPeriod(r.period)})
                    </li>
                  ))}
                </ul>
              ),
          },
          { key: "Place", value: o.placeId === undefined ? "Not recorded" : link(o.placeId) },
          { key: "Parent", value: o.parentId === undefined ? "None" : link(o.parentId) },
          { key: "Postcode", value: o.postcode ?? "Not recorded" },
          ...commonRows(o),
        ]}
      />
      <h2>Succession</h2>
      {data.successions.length === 0 ? (
        <p>No merger, split, rename or transfer is recorded for this organisation.</p>
      ) : (
        <ol class="app-timeline">
          {data.successions.map((s) => (
            <li class="app-timeline__item">
              <strong>{formatDate(s.valid.from)}</strong>: {humanise(s.kind)} —{" "}
              {list(s.predecessorIds)} → {list(s.successorIds)}
              {s.note !== undefined && <p class="nhsuk-body-s">{s.note}</p>}
            </li>
          ))}
        </ol>
      )}
      <Table
        caption={`Relationships on ${formatDate(data.validAt)}`}
        columns={[
          {
            header: "Relationship",
            cell: (r) =>
              r.subjectId === o.id
                ? `${humanise(r.kind)}`
                : `has ${humanise(r.kind).toLowerCase()}`,
          },
          { header: "With", cell: (r) => link(r.subjectId === o.id ? r.objectId : r.subjectId) },
          { header: "Role", cell: (r) => r.role ?? "—" },
          { header: "Valid", cell: (r) => formatPeriod(r.valid) },
        ]}
        rows={data.relationships}
        empty="No relationships on this date."
      />
      <Versions
        versions={data.versions}
        current={data.validOnDate ? o : undefined}
        href={(date) => paths.organisation(o.id, { validAt: date })}
        describe={(v) =>
          "kind" in v && "name" in v ? `${v.name} (${humanise(String(v.kind))})` : v.id
        }
      />
    </Layout>
  );
};
