/**
 * @module DashboardPage
 * The dashboard: how many records of each kind are valid today, the open rule findings by
 * rule (with links to the records they are about) and the latest changes.
 */
import type { EntityKind, Finding } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { formatCount, formatTimestamp, Table, Tag } from "../components/Display.js";
import { hrefOf, kindLabels } from "../components/Links.js";
import { Layout } from "../Layout.js";
import { canEdit, type ViewContext } from "../ViewContext.js";

/** Findings of one rule. */
export interface RuleFindings {
  readonly rule: string;
  readonly title: string;
  readonly severity: "error" | "warning";
  readonly findings: ReadonlyArray<Finding>;
}

/** A recent change, as the dashboard lists it. */
export interface RecentChange {
  readonly seq: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly reason: string;
  readonly operation: string;
  /** The record changed; `null` for a write of reference data. */
  readonly id: string | null;
  readonly name: string;
}

/** What the dashboard shows. */
export interface DashboardData {
  readonly validAt: string;
  readonly counts: ReadonlyArray<{
    readonly kind: EntityKind;
    readonly count: number;
    readonly href: string;
  }>;
  readonly rules: ReadonlyArray<RuleFindings>;
  readonly errors: number;
  readonly warnings: number;
  readonly recent: ReadonlyArray<RecentChange>;
  readonly name: (id: string) => string;
}

const examples = 3;

/** The dashboard page. */
export const DashboardPage: FC<{ ctx: ViewContext; data: DashboardData }> = ({ ctx, data }) => (
  <Layout ctx={ctx} title="Dashboard" section="dashboard">
    <h1>Care Atlas dashboard</h1>
    <p class="nhsuk-lede-text">
      The register of Greater Manchester's integrated care system, as it is today ({data.validAt}).
    </p>
    {canEdit(ctx.user) && (
      <p>
        <a href={ctx.paths.newRecord()}>Add a record</a>
      </p>
    )}
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-one-half">
        <Table
          caption="Records valid today"
          columns={[
            { header: "Kind", cell: (row) => <a href={row.href}>{kindLabels[row.kind].many}</a> },
            { header: "Count", numeric: true, cell: (row) => formatCount(row.count) },
          ]}
          rows={data.counts}
        />
      </div>
      <div class="nhsuk-grid-column-one-half">
        <h2 class="nhsuk-heading-m">Rule findings</h2>
        <p>
          <Tag
            colour={data.errors > 0 ? "red" : "green"}
          >{`${formatCount(data.errors)} errors`}</Tag>{" "}
          <Tag
            colour={data.warnings > 0 ? "yellow" : "green"}
          >{`${formatCount(data.warnings)} warnings`}</Tag>
        </p>
        <p>
          <a href={ctx.paths.findings()}>See every finding</a>
        </p>
        <h2 class="nhsuk-heading-m">Latest changes</h2>
        {data.recent.length === 0 ? (
          <p>No changes recorded yet.</p>
        ) : (
          <ul class="nhsuk-list nhsuk-list--bullet">
            {data.recent.map((change) => (
              <li>
                {change.id === null ? (
                  change.name
                ) : (
                  <a href={hrefOf(ctx.paths, change.id)}>{change.name}</a>
                )}
                : {change.operation} by {change.actor}, {formatTimestamp(change.recordedAt)} — “
                {change.reason}”
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={ctx.paths.changes()}>All recent changes</a>
        </p>
      </div>
    </div>
    <h2 class="nhsuk-heading-l">Open findings by rule</h2>
    {data.rules.length === 0 ? (
      <p>No rule finds anything wrong.</p>
    ) : (
      data.rules.map((rule) => (
        <div class="app-mb-5">
          <h3 class="nhsuk-heading-s">
            <Tag colour={rule.severity === "error" ? "red" : "yellow"}>{rule.severity}</Tag>{" "}
            {rule.title} ({formatCount(rule.findings.length)})
          </h3>
          <ul class="nhsuk-list nhsuk-list--bullet">
            {rule.findings.slice(0, examples).map((finding) => (
              <li>
                {finding.message}
                {finding.subjects.length > 0 && " — "}
                {finding.subjects.slice(0, 4).map((subject, i) => (
                  <>
                    {i > 0 && ", "}
                    <a href={hrefOf(ctx.paths, subject)}>{data.name(subject)}</a>
                  </>
                ))}
              </li>
            ))}
          </ul>
          {rule.findings.length > examples && (
            <p>
              <a href={ctx.paths.findings({ rule: rule.rule })}>
                All {formatCount(rule.findings.length)} findings
                <span class="nhsuk-u-visually-hidden"> of the rule {rule.title}</span>
              </a>
            </p>
          )}
        </div>
      ))
    )}
  </Layout>
);
