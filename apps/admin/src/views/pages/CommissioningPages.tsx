/**
 * @module CommissioningPages
 * The commissioning register: the bodies that commission (with their delegated limits),
 * pooled budgets (with a chart of who contributes what each year) and commissioning
 * decisions (with filters and totals).
 */
import type { Decision, GovernanceBody, PooledBudget } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { BarChart } from "../components/BarChart.js";
import { DateFilter } from "../components/DateFilter.js";
import {
  formatCount,
  formatDate,
  formatMoney,
  SummaryList,
  Table,
  Tag,
} from "../components/Display.js";
import type { Option } from "../components/Fields.js";
import { humanise, RecordLink } from "../components/Links.js";
import { RecordActions } from "../components/RecordActions.js";
import { commonRows, NotValidOn } from "../components/RecordParts.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the commissioning overview shows. */
export interface CommissioningData {
  readonly bodies: ReadonlyArray<GovernanceBody>;
  readonly budgets: ReadonlyArray<PooledBudget>;
  readonly decisions: { readonly count: number; readonly totalPence: number };
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly name: (id: string) => string;
}

const latestYear = (budget: PooledBudget) =>
  [...budget.years].sort((a, b) => a.financialYear.localeCompare(b.financialYear)).at(-1);

/** The commissioning overview. */
export const CommissioningPage: FC<{ ctx: ViewContext; data: CommissioningData }> = ({
  ctx,
  data,
}) => {
  const { paths } = ctx;
  const q = { validAt: data.validAtGiven };
  return (
    <Layout
      ctx={ctx}
      title="Commissioning"
      section="commissioning"
      hasErrors={data.validAtError !== undefined}
    >
      <h1>Commissioning register</h1>
      <DateFilter action={paths.commissioning()} validAt={data.validAt} error={data.validAtError} />
      <p>
        {formatCount(data.decisions.count)} commissioning decisions worth{" "}
        {formatMoney(data.decisions.totalPence)} are recorded.{" "}
        <a href={paths.decisions()}>See and filter the decisions</a>.
      </p>
      <Table
        caption="Pooled budgets"
        columns={[
          { header: "Budget", cell: (b) => <a href={paths.pooledBudget(b.id, q)}>{b.name}</a> },
          {
            header: "Host",
            cell: (b) => (
              <RecordLink paths={paths} id={b.hostId} name={data.name(b.hostId)} query={q} />
            ),
          },
          { header: "Place", cell: (b) => (b.placeId === undefined ? "—" : data.name(b.placeId)) },
          {
            header: "Latest year",
            numeric: true,
            cell: (b) => {
              const year = latestYear(b);
              return year === undefined
                ? "—"
                : `${year.financialYear}: ${formatMoney(year.totalPence)}`;
            },
          },
        ]}
        rows={data.budgets}
        empty={`No pooled budget on ${formatDate(data.validAt)}.`}
      />
      <Table
        caption="Commissioning bodies"
        columns={[
          { header: "Body", cell: (b) => <a href={paths.record(b.id, q)}>{b.name}</a> },
          { header: "Kind", cell: (b) => humanise(b.kind) },
          {
            header: "Level",
            cell: (b) =>
              b.placeId === undefined
                ? humanise(b.level)
                : `${humanise(b.level)}: ${data.name(b.placeId)}`,
          },
          {
            header: "Delegated limit",
            numeric: true,
            cell: (b) =>
              b.delegatedLimitPence === null ? "Not recorded" : formatMoney(b.delegatedLimitPence),
          },
          {
            header: "Decisions",
            cell: (b) => (
              <a href={paths.decisions({ body: b.id })}>
                Decisions<span class="nhsuk-u-visually-hidden"> of {b.name}</span>
              </a>
            ),
          },
        ]}
        rows={data.bodies}
        empty="No body that commissions is recorded on this date."
      />
    </Layout>
  );
};

/** What a pooled budget's page shows. */
export interface PooledBudgetData {
  readonly budget: PooledBudget;
  readonly versions: ReadonlyArray<PooledBudget>;
  readonly validOnDate: boolean;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly decisions: ReadonlyArray<Decision>;
  readonly name: (id: string) => string;
}

/** A pooled budget. */
export const PooledBudgetPage: FC<{ ctx: ViewContext; data: PooledBudgetData }> = ({
  ctx,
  data,
}) => {
  const { paths } = ctx;
  const b = data.budget;
  const q = { validAt: data.validAtGiven };
  const link = (id: string) => <RecordLink paths={paths} id={id} name={data.name(id)} query={q} />;
  const years = [...b.years].sort((x, y) => y.financialYear.localeCompare(x.financialYear));
  return (
    <Layout
      ctx={ctx}
      title={b.name}
      section="commissioning"
      hasErrors={data.validAtError !== undefined}
      breadcrumbs={[{ text: "Commissioning", href: paths.commissioning(q) }]}
    >
      <span class="nhsuk-caption-l">Pooled budget</span>
      <h1>{b.name}</h1>
      <RecordActions ctx={ctx} id={b.id} name={b.name} validAt={data.validAtGiven} />
      <DateFilter
        action={paths.pooledBudget(b.id)}
        validAt={data.validAt}
        error={data.validAtError}
      />
      {!data.validOnDate && <NotValidOn date={formatDate(data.validAt)} versions={data.versions} />}
      <SummaryList
        rows={[
          { key: "Host", value: link(b.hostId) },
          {
            key: "Partners",
            value:
              b.partnerIds.length === 0
                ? "None recorded"
                : b.partnerIds.map((id, i) => (
                    <>
                      {i > 0 && ", "}
                      {link(id)}
                    </>
                  )),
          },
          { key: "Place", value: b.placeId === undefined ? "—" : link(b.placeId) },
          {
            key: "Governed by",
            value: b.governedById === undefined ? "Not recorded" : link(b.governedById),
          },
          ...commonRows(b),
        ]}
      />
      {years.length > 0 && (
        <>
          <h2>Totals by year</h2>
          <BarChart
            title={`Total of ${b.name} by financial year`}
            bars={[...years].reverse().map((y) => ({
              label: y.financialYear,
              value: y.totalPence,
              text: formatMoney(y.totalPence),
            }))}
          />
        </>
      )}
      {years.map((year) => {
        const sum = year.contributions.reduce((s, c) => s + c.amountPence, 0);
        return (
          <section>
            <h2>{year.financialYear}</h2>
            <BarChart
              title={`Contributions to ${b.name} in ${year.financialYear}`}
              bars={year.contributions.map((c) => ({
                label: data.name(c.organisationId),
                value: c.amountPence,
                text: formatMoney(c.amountPence),
              }))}
            />
            <Table
              caption={`Contributions in ${year.financialYear}`}
              captionSize="s"
              columns={[
                { header: "Partner", cell: (c) => link(c.organisationId) },
                { header: "Contribution", numeric: true, cell: (c) => formatMoney(c.amountPence) },
                {
                  header: "Share",
                  numeric: true,
                  cell: (c) =>
                    year.totalPence === 0
                      ? "—"
                      : `${Math.round((c.amountPence / year.totalPence) * 100)}%`,
                },
              ]}
              rows={year.contributions}
            />
            <p>
              Total {formatMoney(year.totalPence)}.{" "}
              {sum === year.totalPence ? (
                <Tag colour="green">Contributions add up</Tag>
              ) : (
                <Tag colour="red">{`Contributions add up to ${formatMoney(sum)}`}</Tag>
              )}
            </p>
          </section>
        );
      })}
      <Table
        caption="Decisions funded from this budget"
        columns={[
          { header: "Decision", cell: (d) => <a href={paths.record(d.id)}>{d.title}</a> },
          { header: "Date", cell: (d) => formatDate(d.date) },
          { header: "Value", numeric: true, cell: (d) => formatMoney(d.valuePence) },
        ]}
        rows={data.decisions}
        empty="No decision is recorded against this budget."
      />
    </Layout>
  );
};

/** What the decisions page shows. */
export interface DecisionsData {
  readonly decisions: ReadonlyArray<Decision>;
  readonly bodies: ReadonlyArray<Option>;
  readonly serviceAreas: ReadonlyArray<string>;
  readonly filters: {
    readonly body?: string | undefined;
    readonly serviceArea?: string | undefined;
    readonly from?: string | undefined;
    readonly to?: string | undefined;
  };
  readonly errors: ReadonlyArray<{ readonly field: string; readonly message: string }>;
  readonly name: (id: string) => string;
}

/** The decisions page: filters, totals and the list. */
export const DecisionsPage: FC<{ ctx: ViewContext; data: DecisionsData }> = ({ ctx, data }) => {
  const { paths } = ctx;
  const total = data.decisions.reduce((sum, d) => sum + d.valuePence, 0);
  const byArea = new Map<string, number>();
  for (const d of data.decisions)
    byArea.set(d.serviceArea, (byArea.get(d.serviceArea) ?? 0) + d.valuePence);
  const errorOf = (field: string) => data.errors.find((e) => e.field === field)?.message;
  return (
    <Layout
      ctx={ctx}
      title="Commissioning decisions"
      section="commissioning"
      hasErrors={data.errors.length > 0}
      breadcrumbs={[{ text: "Commissioning", href: paths.commissioning() }]}
    >
      <h1>Commissioning decisions</h1>
      <form action={paths.decisions()} method="get" class="app-mb-5" novalidate>
        <div class="app-inline-form">
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="body">
              Body
            </label>
            <select class="nhsuk-select" id="body" name="body">
              <option value="">Any body</option>
              {data.bodies.map((b) => (
                <option value={b.value} selected={b.value === data.filters.body}>
                  {b.text}
                </option>
              ))}
            </select>
          </div>
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="serviceArea">
              Service area
            </label>
            <select class="nhsuk-select" id="serviceArea" name="serviceArea">
              <option value="">Any service area</option>
              {data.serviceAreas.map((area) => (
                <option value={area} selected={area === data.filters.serviceArea}>
                  {area}
                </option>
              ))}
            </select>
          </div>
          {(["from", "to"] as const).map((field) => (
            <div
              class={
                errorOf(field) === undefined
                  ? "nhsuk-form-group"
                  : "nhsuk-form-group nhsuk-form-group--error"
              }
            >
              <label class="nhsuk-label" for={`decisions-${field}`}>
                {field === "from" ? "Taken on or after" : "Taken before"}
              </label>
              {errorOf(field) !== undefined && (
                <span class="nhsuk-error-message" id={`decisions-${field}-error`}>
                  <span class="nhsuk-u-visually-hidden">Error: </span>
                  {errorOf(field)}
                </span>
              )}
              <input
                class="nhsuk-input nhsuk-input--width-10"
                id={`decisions-${field}`}
                name={field}
                type="date"
                value={data.filters[field] ?? ""}
                aria-describedby={
                  errorOf(field) === undefined ? undefined : `decisions-${field}-error`
                }
              />
            </div>
          ))}
          <button class="nhsuk-button nhsuk-button--secondary" type="submit">
            Filter
          </button>
        </div>
      </form>
      <p role="status">
        <strong>{formatCount(data.decisions.length)}</strong> decisions, total{" "}
        <strong>{formatMoney(total)}</strong>.
      </p>
      {byArea.size > 0 && (
        <>
          <BarChart
            title="Value of the decisions by service area"
            bars={[...byArea]
              .sort((a, b) => b[1] - a[1])
              .map(([area, value]) => ({ label: area, value, text: formatMoney(value) }))}
          />
          <Table
            caption="Totals by service area"
            captionSize="s"
            columns={[
              { header: "Service area", cell: (row) => row[0] },
              { header: "Total", numeric: true, cell: (row) => formatMoney(row[1]) },
            ]}
            rows={[...byArea].sort((a, b) => b[1] - a[1])}
          />
        </>
      )}
      <Table
        caption="Decisions"
        columns={[
          { header: "Decision", cell: (d) => <a href={paths.record(d.id)}>{d.title}</a> },
          { header: "Date", cell: (d) => <span class="app-nowrap">{formatDate(d.date)}</span> },
          { header: "Body", cell: (d) => data.name(d.bodyId) },
          { header: "Service area", cell: (d) => d.serviceArea },
          { header: "Value", numeric: true, cell: (d) => formatMoney(d.valuePence) },
        ]}
        rows={data.decisions}
        empty="No decision matches."
      />
    </Layout>
  );
};
