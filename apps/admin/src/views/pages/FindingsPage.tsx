/**
 * @module FindingsPage
 * Every open rule finding, filterable by rule and severity, each linking to its records.
 */
import type { Finding } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { formatCount, Tag } from "../components/Display.js";
import type { Option } from "../components/Fields.js";
import { hrefOf } from "../components/Links.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the findings page shows. */
export interface FindingsData {
  readonly findings: ReadonlyArray<Finding>;
  readonly total: number;
  readonly rules: ReadonlyArray<Option>;
  readonly rule: string | undefined;
  readonly severity: string | undefined;
  readonly name: (id: string) => string;
  readonly limit: number;
}

/** The findings page. */
export const FindingsPage: FC<{ ctx: ViewContext; data: FindingsData }> = ({ ctx, data }) => (
  <Layout
    ctx={ctx}
    title="Rule findings"
    section="dashboard"
    breadcrumbs={[{ text: "Dashboard", href: ctx.paths.home() }]}
  >
    <h1>Rule findings</h1>
    <form action={ctx.paths.findings()} method="get" class="app-mb-5" novalidate>
      <div class="app-inline-form">
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="rule">
            Rule
          </label>
          <select class="nhsuk-select" id="rule" name="rule">
            <option value="">All rules</option>
            {data.rules.map((rule) => (
              <option value={rule.value} selected={rule.value === data.rule}>
                {rule.text}
              </option>
            ))}
          </select>
        </div>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="severity">
            Severity
          </label>
          <select class="nhsuk-select" id="severity" name="severity">
            <option value="">Errors and warnings</option>
            <option value="error" selected={data.severity === "error"}>
              Errors
            </option>
            <option value="warning" selected={data.severity === "warning"}>
              Warnings
            </option>
          </select>
        </div>
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">
          Filter
        </button>
      </div>
    </form>
    <p>
      {formatCount(data.total)} findings
      {data.total > data.limit && `; the first ${formatCount(data.limit)} are shown`}.
    </p>
    <ul class="nhsuk-list">
      {data.findings.slice(0, data.limit).map((finding) => (
        <li class="app-mb-3">
          <Tag colour={finding.severity === "error" ? "red" : "yellow"}>{finding.severity}</Tag>{" "}
          {finding.message}
          {finding.subjects.length > 0 && (
            <>
              {" — "}
              {finding.subjects.slice(0, 6).map((subject, i) => (
                <>
                  {i > 0 && ", "}
                  <a href={hrefOf(ctx.paths, subject)}>{data.name(subject)}</a>
                </>
              ))}
            </>
          )}
        </li>
      ))}
    </ul>
  </Layout>
);
