/**
 * @module ImportPages
 * Importing an official file (admins only): the upload form with the files imported so
 * far; the plan of an uploaded file (a dry run: counts and examples of each action, the
 * file as it will be cited) with the button that applies it; the result of applying it;
 * and the refusal of a file whose import would break a rule of the register.
 */
import type { Finding } from "@care-atlas/domain";
import type { ImportedFile, ImportKind, ImportReport } from "@care-atlas/services";
import type { FC } from "hono/jsx";
import { CsrfField } from "../components/CsrfField.js";
import {
  Banner,
  formatCount,
  formatDate,
  Inset,
  SummaryList,
  Table,
} from "../components/Display.js";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.js";
import { Select, TextInput } from "../components/Fields.js";
import { hrefOf } from "../components/Links.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** The layouts, as the form offers them. */
export const importKindText: Record<ImportKind, string> = {
  "ods-etr": "ODS NHS trusts (etr.csv)",
  "ods-eccg": "ODS CCGs and sub-ICB locations (eccg.csv)",
  "ods-epraccur": "ODS GP practices (epraccur.csv)",
  "ods-epcn": "ODS primary care networks (ePCN.xlsx)",
  "ods-successors": "ODS successor organisations (succ.csv, or the three-column table)",
  "ons-postcodes": "ONS postcode directory (ONSPD, NSPL or an extract of one)",
  "ons-lsoa-lookup": "ONS LSOA lookup (to CCG, sub-ICB location and ICB, or to ward)",
};

const actions = ["created", "changed", "ended", "unchanged", "skipped"] as const;

const actionText: Record<(typeof actions)[number], string> = {
  created: "Created",
  changed: "Changed (a new version from the file's date)",
  ended: "Ended",
  unchanged: "Unchanged",
  skipped: "Skipped",
};

/** What the upload page shows. */
export interface ImportsData {
  readonly errors: ReadonlyArray<FieldError>;
  readonly kind: string;
  readonly published: string;
  readonly history: ReadonlyArray<ImportedFile>;
}

/** The upload form and the files imported so far. */
export const ImportsPage: FC<{ ctx: ViewContext; data: ImportsData }> = ({ ctx, data }) => {
  const errorOf = (id: string) => data.errors.find((e) => e.fieldId === id)?.message;
  const fileError = errorOf("file");
  return (
    <Layout ctx={ctx} title="Imports" section="imports" hasErrors={data.errors.length > 0}>
      <ErrorSummary errors={data.errors} />
      <h1>Imports</h1>
      <p>
        Take in a file NHS England or the Office for National Statistics published, in its official
        layout. You see what it would change before anything is written; only the differences from
        the register as of the file's date are recorded, each citing the file.
      </p>
      <h2>Import a file</h2>
      <form action={ctx.paths.imports()} method="post" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div
          class={
            fileError === undefined
              ? "nhsuk-form-group"
              : "nhsuk-form-group nhsuk-form-group--error"
          }
        >
          <label class="nhsuk-label" for="file">
            The file
          </label>
          <div class="nhsuk-hint" id="file-hint">
            As published: a CSV file, or the ePCN workbook (xlsx).
          </div>
          {fileError !== undefined && (
            <span class="nhsuk-error-message" id="file-error">
              <span class="nhsuk-u-visually-hidden">Error: </span>
              {fileError}
            </span>
          )}
          <input
            class="app-file-upload"
            id="file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv"
            aria-describedby={fileError === undefined ? "file-hint" : "file-hint file-error"}
          />
        </div>
        <Select
          id="kind"
          name="kind"
          label="What the file is"
          value={data.kind}
          blank="Choose its layout"
          error={errorOf("kind")}
          options={(Object.keys(importKindText) as ImportKind[]).map((kind) => ({
            value: kind,
            text: importKindText[kind],
          }))}
        />
        <TextInput
          id="published"
          name="published"
          label="The date the file describes"
          hint="Its publication or extract date: changes are dated from it. For example, 2024-10-25."
          type="date"
          value={data.published}
          error={errorOf("published")}
        />
        <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
          See what it would change
        </button>
      </form>
      <ImportHistory ctx={ctx} history={data.history} />
    </Layout>
  );
};

/** The files imported so far. */
const ImportHistory: FC<{ ctx: ViewContext; history: ReadonlyArray<ImportedFile> }> = ({
  ctx,
  history,
}) => (
  <>
    <h2>Imported files</h2>
    <Table
      caption="Files the register has imported, newest data date first"
      captionSize="s"
      columns={[
        { header: "File", cell: (f: ImportedFile) => f.source.file.name },
        {
          header: "Layout",
          cell: (f: ImportedFile) => (f.kind === null ? "—" : importKindText[f.kind]),
        },
        {
          header: "Data date",
          cell: (f: ImportedFile) =>
            f.source.dataDate === null ? "—" : formatDate(f.source.dataDate),
        },
        {
          header: "Source",
          cell: (f: ImportedFile) => (
            <>
              <code>{f.source.key}</code>
              <br />
              {f.source.publisher}, {f.source.licence}
            </>
          ),
        },
        {
          header: "SHA-256",
          cell: (f: ImportedFile) => <code class="app-digest">{f.source.file.sha256}</code>,
        },
        {
          header: "Records citing it",
          numeric: true,
          cell: (f: ImportedFile) => formatCount(f.entities),
        },
      ]}
      rows={history}
      empty="No file has been imported yet."
    />
    <p>
      Each change an import made is in the <a href={ctx.paths.changes()}>changes</a>, with the
      reason "import of" the file.
    </p>
  </>
);

const FileSummary: FC<{ report: ImportReport; size?: number | undefined }> = ({ report, size }) => (
  <SummaryList
    rows={[
      { key: "File", value: report.file.name },
      { key: "Layout", value: importKindText[report.kind] },
      { key: "Data date", value: formatDate(report.file.published) },
      ...(size === undefined ? [] : [{ key: "Size", value: `${formatCount(size)} bytes` }]),
      { key: "SHA-256", value: <code class="app-digest">{report.file.sha256}</code> },
      { key: "Source", value: <code>{report.file.source}</code> },
      { key: "Licence", value: report.file.licence },
    ]}
  />
);

const Counts: FC<{ report: ImportReport }> = ({ report }) => (
  <Table
    caption={report.dryRun ? "What the import would do" : "What the import did"}
    columns={[
      { header: "Action", cell: (action: (typeof actions)[number]) => actionText[action] },
      {
        header: "Records",
        numeric: true,
        cell: (action: (typeof actions)[number]) => formatCount(report.counts[action]),
      },
    ]}
    rows={actions}
  />
);

const Examples: FC<{ ctx: ViewContext; report: ImportReport }> = ({ ctx, report }) => (
  <>
    {actions
      .filter((action) => report.examples[action].length > 0)
      .map((action) => (
        <Table
          caption={`${actionText[action]}: the first ${report.examples[action].length} of ${formatCount(report.counts[action])}`}
          captionSize="s"
          columns={[
            {
              header: "In the file",
              cell: (item: ImportReport["examples"]["created"][number]) => item.key,
            },
            {
              header: "What",
              cell: (item: ImportReport["examples"]["created"][number]) => item.detail,
            },
            {
              header: "Record",
              cell: (item: ImportReport["examples"]["created"][number]) =>
                item.id === null ? (
                  "—"
                ) : report.dryRun && action === "created" ? (
                  <code>{item.id}</code>
                ) : (
                  <a href={hrefOf(ctx.paths, item.id)}>{item.id}</a>
                ),
            },
          ]}
          rows={report.examples[action]}
        />
      ))}
  </>
);

/** What the plan page shows. */
export interface ImportPlanData {
  readonly report: ImportReport;
  /** The id of the kept upload the apply button names. */
  readonly upload: string;
  readonly size: number;
}

/** The plan of an uploaded file, and the button that applies it. */
export const ImportPlanPage: FC<{ ctx: ViewContext; data: ImportPlanData }> = ({ ctx, data }) => {
  const { report } = data;
  const changes = report.entities > 0 || Object.values(report.reference).some((n) => (n ?? 0) > 0);
  return (
    <Layout
      ctx={ctx}
      title={`Plan: ${report.file.name}`}
      section="imports"
      breadcrumbs={[{ text: "Imports", href: ctx.paths.imports() }]}
    >
      <h1>What importing {report.file.name} would change</h1>
      <p>Nothing has been written yet.</p>
      <FileSummary report={report} size={data.size} />
      <Counts report={report} />
      {report.warnings.length > 0 && <Findings findings={report.warnings} title="Warnings" />}
      <Examples ctx={ctx} report={report} />
      {changes ? (
        <form action={ctx.paths.applyImport(data.upload)} method="post">
          <CsrfField token={ctx.csrfToken} />
          <p>
            Applying it writes the history of {formatCount(report.entities)} records
            {Object.entries(report.reference)
              .filter(([, n]) => (n ?? 0) > 0)
              .map(([dataset, n]) => ` and ${formatCount(n ?? 0)} ${dataset}`)
              .join("")}
            , each change dated as the file says and citing it.
          </p>
          <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
            Apply the import
          </button>
        </form>
      ) : (
        <Inset>
          <p>The register already holds everything this file says: applying it changes nothing.</p>
        </Inset>
      )}
      <p>
        <a href={ctx.paths.imports()}>Import a different file</a>
      </p>
    </Layout>
  );
};

/** The result of applying an import. */
export const ImportResultPage: FC<{ ctx: ViewContext; report: ImportReport }> = ({
  ctx,
  report,
}) => (
  <Layout
    ctx={ctx}
    title={`Imported ${report.file.name}`}
    section="imports"
    breadcrumbs={[{ text: "Imports", href: ctx.paths.imports() }]}
  >
    <Banner title="Success" success>
      <p class="nhsuk-notification-banner__heading">
        {report.file.name} was imported: {formatCount(report.changes)} changes written (data version{" "}
        {report.dataVersion}).
      </p>
    </Banner>
    <h1>Imported {report.file.name}</h1>
    <FileSummary report={report} />
    <Counts report={report} />
    {report.warnings.length > 0 && <Findings findings={report.warnings} title="Warnings" />}
    <Examples ctx={ctx} report={report} />
    <p>
      See the <a href={ctx.paths.changes()}>changes</a> it made, or{" "}
      <a href={ctx.paths.imports()}>the imported files</a>.
    </p>
  </Layout>
);

const Findings: FC<{ findings: ReadonlyArray<Finding>; title: string }> = ({ findings, title }) => (
  <>
    <h2>{title}</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">
      {findings.map((finding) => (
        <li>
          {finding.message} (rule: {finding.rule}; records: {finding.subjects.join(", ")})
        </li>
      ))}
    </ul>
  </>
);

/** The refusal of an import that would break a rule: the rules and the records. */
export const ImportRefusedPage: FC<{
  ctx: ViewContext;
  name: string;
  findings: ReadonlyArray<Finding>;
}> = ({ ctx, name, findings }) => (
  <Layout
    ctx={ctx}
    title={`Refused: ${name}`}
    section="imports"
    hasErrors
    breadcrumbs={[{ text: "Imports", href: ctx.paths.imports() }]}
  >
    <ErrorSummary
      title="The import is refused"
      errors={findings.map((finding) => ({
        message: `${finding.message} (rule: ${finding.rule}; records: ${finding.subjects.join(", ")})`,
      }))}
    />
    <h1>Importing {name} would break the register's rules</h1>
    <p>
      Nothing was written. The import is refused whole, so the register never holds part of a file.
      Correct the records named above, or the file, and try again.
    </p>
    <p>
      <a href={ctx.paths.imports()}>Import a different file</a>
    </p>
  </Layout>
);
