/**
 * @module RecordPages
 * The generic record page (every field of any kind, from its schema), a record's history
 * (each change with who, when and why, and a field-level diff), the recent changes of the
 * whole register, and the form that ends a record.
 */
import type { Entity, EntityKind, VersionDiff } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import type { FormField } from "../../forms/FormModel.js";
import { CsrfField } from "../components/CsrfField.js";
import {
  Banner,
  formatDate,
  formatPeriod,
  formatTimestamp,
  SummaryList,
  type SummaryRow,
  Table,
} from "../components/Display.js";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.js";
import { Textarea, TextInput } from "../components/Fields.js";
import { hrefOf, humanise, kindLabels } from "../components/Links.js";
import { RecordActions } from "../components/RecordActions.js";
import { NotValidOn, Versions } from "../components/RecordParts.js";
import { type Crumb, Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

const idPattern = /^[a-z]{3}_[0-9a-z]{8,40}$/;

/** A value of a field, as text or a link for ids. */
const Value: FC<{ ctx: ViewContext; value: unknown; name: (id: string) => string }> = ({
  ctx,
  value,
  name,
}) => {
  if (value === undefined) return <>—</>;
  if (value === null) return <>None</>;
  if (typeof value === "string") {
    return idPattern.test(value) ? <a href={hrefOf(ctx.paths, value)}>{name(value)}</a> : value;
  }
  if (typeof value === "boolean") return <>{value ? "Yes" : "No"}</>;
  if (typeof value === "number") return <>{value.toLocaleString("en-GB")}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <>None</>;
    return (
      <ul class="nhsuk-list">
        {value.map((item) => (
          <li>
            <Value ctx={ctx} value={item} name={name} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === "object") {
    return (
      <>
        {Object.entries(value as Record<string, unknown>).map(([key, item], i) => (
          <>
            {i > 0 && "; "}
            {humanise(key)}: <Value ctx={ctx} value={item} name={name} />
          </>
        ))}
      </>
    );
  }
  return <>{String(value)}</>;
};

/** What the generic record page shows. */
export interface RecordData {
  readonly kind: EntityKind;
  readonly version: Entity;
  readonly versions: ReadonlyArray<Entity>;
  readonly validOnDate: boolean;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly fields: ReadonlyArray<FormField>;
  readonly revision: number | null;
  readonly title: string;
  readonly name: (id: string) => string;
}

/** Every field of a record. */
export const RecordPage: FC<{ ctx: ViewContext; data: RecordData }> = ({ ctx, data }) => {
  const values = new Map<string, unknown>(Object.entries(data.version));
  const rows: SummaryRow[] = [
    { key: "Id", value: <code>{data.version.id}</code> },
    ...data.fields.map((f) => ({
      key: f.label,
      value: <Value ctx={ctx} value={values.get(f.name)} name={data.name} />,
    })),
    { key: "Revision", value: data.revision === null ? "—" : String(data.revision) },
  ];
  return (
    <Layout
      ctx={ctx}
      title={data.title}
      breadcrumbs={[{ text: "Dashboard", href: ctx.paths.home() }]}
    >
      <span class="nhsuk-caption-l">{kindLabels[data.kind].one}</span>
      <h1>{data.title}</h1>
      <RecordActions ctx={ctx} id={data.version.id} name={data.title} validAt={data.validAtGiven} />
      {!data.validOnDate && <NotValidOn date={formatDate(data.validAt)} versions={data.versions} />}
      <SummaryList rows={rows} />
      <Versions
        versions={data.versions}
        current={data.validOnDate ? data.version : undefined}
        href={(date) => ctx.paths.record(data.version.id, { validAt: date })}
        describe={(version) => data.name(version.id)}
      />
    </Layout>
  );
};

/** One change of a record, with its diff. */
export interface HistoryEntry {
  readonly seq: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly reason: string;
  readonly source: string | null;
  readonly operation: string;
  readonly revision: number;
  readonly diffs: ReadonlyArray<VersionDiff>;
}

/** What a record's history shows. */
export interface HistoryData {
  readonly kind: EntityKind;
  readonly id: string;
  readonly title: string;
  readonly entries: ReadonlyArray<HistoryEntry>;
  readonly saved: number | undefined;
  readonly breadcrumbs: ReadonlyArray<Crumb>;
}

const DiffTable: FC<{ diff: VersionDiff }> = ({ diff }) => (
  <table class="nhsuk-table">
    <caption class="nhsuk-table__caption nhsuk-table__caption--s">
      {diff.kind === "added"
        ? "New version"
        : diff.kind === "removed"
          ? "Removed version"
          : "Changed version"}{" "}
      {formatPeriod(diff.valid)}
    </caption>
    <thead class="nhsuk-table__head">
      <tr class="nhsuk-table__row">
        <th class="nhsuk-table__header" scope="col">
          Field
        </th>
        <th class="nhsuk-table__header" scope="col">
          Before
        </th>
        <th class="nhsuk-table__header" scope="col">
          After
        </th>
      </tr>
    </thead>
    <tbody class="nhsuk-table__body">
      {diff.fields.map((field) => (
        <tr class="nhsuk-table__row">
          <th class="nhsuk-table__header" scope="row">
            <code>{field.path}</code>
          </th>
          <td class="nhsuk-table__cell">
            {field.before === undefined ? "—" : <span class="app-diff__old">{field.before}</span>}
          </td>
          <td class="nhsuk-table__cell">
            {field.after === undefined ? "—" : <span class="app-diff__new">{field.after}</span>}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** A record's history. */
export const HistoryPage: FC<{ ctx: ViewContext; data: HistoryData }> = ({ ctx, data }) => (
  <Layout ctx={ctx} title={`History of ${data.title}`} breadcrumbs={data.breadcrumbs}>
    {data.saved !== undefined && (
      <Banner title="Success" success>
        <p class="nhsuk-notification-banner__heading">
          Your change was saved (change {data.saved}).
        </p>
      </Banner>
    )}
    <span class="nhsuk-caption-l">{kindLabels[data.kind].one}</span>
    <h1>History of {data.title}</h1>
    <p>
      <a href={hrefOf(ctx.paths, data.id)}>Back to {data.title}</a>
    </p>
    {data.entries.length === 0 && <p>No change is recorded.</p>}
    {data.entries.map((entry) => (
      <section id={`change-${entry.seq}`} class="app-mb-6">
        <h2 class="nhsuk-heading-m">
          {humanise(entry.operation)} on {formatTimestamp(entry.recordedAt)}
        </h2>
        <SummaryList
          rows={[
            { key: "Who", value: entry.actor },
            { key: "Why", value: <span class="app-pre">{entry.reason}</span> },
            ...(entry.source === null ? [] : [{ key: "Source", value: entry.source }]),
            { key: "Change", value: `${entry.seq} (revision ${entry.revision})` },
          ]}
        />
        {entry.diffs.length === 0 ? (
          <p>No field changed.</p>
        ) : (
          entry.diffs.map((diff) => <DiffTable diff={diff} />)
        )}
      </section>
    ))}
  </Layout>
);

/** A change in the register's recent changes. */
export interface ChangeRow {
  readonly seq: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly reason: string;
  readonly operation: string;
  /** The kind of record, or `reference` for a write of reference data (postcodes, lookups…). */
  readonly kind: EntityKind | "reference";
  /** The record changed; `null` for reference data. */
  readonly id: string | null;
  readonly name: string;
  readonly fields: number;
}

/** What the recent changes page shows. */
export interface ChangesData {
  readonly changes: ReadonlyArray<ChangeRow>;
  readonly older: number | undefined;
  readonly newer: number | undefined;
}

/** The register's recent changes, newest first. */
export const ChangesPage: FC<{ ctx: ViewContext; data: ChangesData }> = ({ ctx, data }) => (
  <Layout ctx={ctx} title="Recent changes" section="changes">
    <h1>Recent changes</h1>
    <Table
      caption="Changes, newest first"
      columns={[
        {
          header: "When",
          cell: (c) =>
            c.id === null ? (
              formatTimestamp(c.recordedAt)
            ) : (
              <a href={`${ctx.paths.history(c.id)}#change-${c.seq}`}>
                {formatTimestamp(c.recordedAt)}
              </a>
            ),
        },
        {
          header: "Record",
          cell: (c) => (c.id === null ? c.name : <a href={hrefOf(ctx.paths, c.id)}>{c.name}</a>),
        },
        {
          header: "Kind",
          cell: (c) => (c.kind === "reference" ? "Reference data" : kindLabels[c.kind].one),
        },
        {
          header: "Change",
          cell: (c) => `${humanise(c.operation)}${c.fields > 0 ? ` (${c.fields} fields)` : ""}`,
        },
        { header: "Who", cell: (c) => c.actor },
        {
          header: "Why",
          cell: (c) => (c.reason.length > 120 ? `${c.reason.slice(0, 117)}…` : c.reason),
        },
      ]}
      rows={data.changes}
      empty="No change is recorded."
    />
    <ul class="app-actions">
      {data.newer !== undefined && (
        <li>
          <a href={ctx.paths.changes(data.newer === 0 ? undefined : { before: data.newer })}>
            Newer changes
          </a>
        </li>
      )}
      {data.older !== undefined && (
        <li>
          <a href={ctx.paths.changes({ before: data.older })}>Older changes</a>
        </li>
      )}
    </ul>
  </Layout>
);

/** What the end form shows. */
export interface EndData {
  readonly kind: EntityKind;
  readonly id: string;
  readonly title: string;
  /** The record's revision the form was read at (`undefined`: it has no version left). */
  readonly revision: number | undefined;
  readonly date: string;
  readonly reason: string;
  readonly errors: ReadonlyArray<FieldError>;
  readonly conflict: string | undefined;
}

/** The form that ends a record on a date. */
export const EndPage: FC<{ ctx: ViewContext; data: EndData }> = ({ ctx, data }) => {
  const errorOf = (id: string) => data.errors.find((e) => e.fieldId === id)?.message;
  return (
    <Layout
      ctx={ctx}
      title={`End ${data.title}`}
      hasErrors={data.errors.length > 0 || data.conflict !== undefined}
      breadcrumbs={[{ text: data.title, href: hrefOf(ctx.paths, data.id) }]}
    >
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <ErrorSummary
            errors={
              data.conflict === undefined
                ? data.errors
                : [{ message: data.conflict }, ...data.errors]
            }
          />
          <span class="nhsuk-caption-l">{kindLabels[data.kind].one}</span>
          <h1>End {data.title}</h1>
          <p>
            From the date you give, the register will no longer show this record. Its history is
            kept.
          </p>
          <form action={ctx.paths.end(data.id)} method="post" novalidate>
            <CsrfField token={ctx.csrfToken} />
            {data.revision !== undefined && (
              <input type="hidden" name="_revision" value={String(data.revision)} />
            )}
            <TextInput
              id="date"
              name="date"
              type="date"
              width={10}
              label="First day it is no longer true"
              value={data.date}
              error={errorOf("date")}
            />
            <Textarea
              id="reason"
              name="_reason"
              label="Reason for the change"
              value={data.reason}
              error={errorOf("reason")}
              rows={3}
            />
            <button
              class="nhsuk-button nhsuk-button--warning"
              data-module="nhsuk-button"
              type="submit"
            >
              End this record
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
};

/** The page to choose what kind of record to create. */
export const NewRecordPage: FC<{ ctx: ViewContext; kinds: ReadonlyArray<EntityKind> }> = ({
  ctx,
  kinds,
}) => (
  <Layout
    ctx={ctx}
    title="Add a record"
    breadcrumbs={[{ text: "Dashboard", href: ctx.paths.home() }]}
  >
    <h1>Add a record</h1>
    <ul class="nhsuk-list nhsuk-list--bullet">
      {kinds.map((kind) => (
        <li>
          <a href={ctx.paths.create(kind)}>{kindLabels[kind].one}</a>
        </li>
      ))}
    </ul>
  </Layout>
);
