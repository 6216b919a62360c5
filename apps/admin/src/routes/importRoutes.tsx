/**
 * @module importRoutes
 * Importing an official file (admins only), through the services' `importFile`: the admin
 * uploads a file and says what it is and the date it describes; the page shows the plan (a
 * dry run: counts and examples of each action); applying it writes the changes, citing
 * the file; the page lists the files imported so far with their sources. A file of another
 * layout is a 400 naming what is missing, an import that would break a rule a 422 naming
 * the records; neither writes anything.
 */
import { IsoDate } from "@care-atlas/domain";
import {
  type ImportKind,
  type ImportReport,
  importKinds,
  runVerb,
  type ServiceError,
} from "@care-atlas/services";
import type { Context, Hono } from "hono";
import { requireAdmin } from "../http/Access.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { fieldText } from "../http/FormBody.js";
import { page } from "../http/Render.js";
import {
  outcomeOf,
  refusedFindings,
  serviceErrorPage,
  serviceErrorReport,
} from "../http/ServiceErrorPage.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { ErrorPage } from "../views/pages/ErrorPage.js";
import {
  ImportPlanPage,
  ImportRefusedPage,
  ImportResultPage,
  type ImportsData,
  ImportsPage,
} from "../views/pages/ImportPages.js";
import type { PageDeps } from "./PageDeps.js";
import { PendingImports } from "./PendingImports.js";

const isKind = (value: string): value is ImportKind =>
  (importKinds as ReadonlyArray<string>).includes(value);

const fileName = (name: string): string => name.split(/[\\/]/).at(-1)?.trim() ?? "";

const sentence = (text: string): string => {
  const trimmed = text.replace(/^invalid input: /, "").replace(/^file(\.\w+)?: /, "");
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`;
};

/** The form's errors of a service error about the file (its layout, its date), if any. */
const fileErrors = (error: ServiceError): FieldError[] =>
  serviceErrorReport(error).fields.map((issue) =>
    issue.path === "file.published"
      ? { fieldId: "published", label: "The date", message: sentence(issue.message) }
      : { fieldId: "file", label: "The file", message: sentence(issue.message) },
  );

/** Registers the import routes. */
export const registerImportRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const pending = new PendingImports();
  app.use("/imports", requireAdmin);
  app.use("/imports/*", requireAdmin);

  const render = async (
    c: Context<AdminEnv>,
    data: Omit<ImportsData, "history">,
    status: 200 | 400 = 200,
  ) => {
    const list = await runVerb(deps.runtime, (register) => register.listImports());
    return page(
      c,
      <ImportsPage ctx={c.get("view")} data={{ ...data, history: list.imports }} />,
      status,
    );
  };

  /** The page of a failed import: the form again, the refusal, or the error page. */
  const failed = (
    c: Context<AdminEnv>,
    error: ServiceError,
    form: { name: string; kind: string; published: string },
  ) => {
    const findings = refusedFindings(error);
    if (findings.length > 0) {
      return page(
        c,
        <ImportRefusedPage ctx={c.get("view")} name={form.name} findings={findings} />,
        422,
      );
    }
    const errors = fileErrors(error);
    if (errors.length > 0) return render(c, { ...form, errors }, 400);
    return serviceErrorPage(c, error);
  };

  app.get("/imports", (c) => render(c, { errors: [], kind: "", published: "" }));

  app.post("/imports", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const kind = fieldText(body.kind);
    const published = fieldText(body.published).trim();
    const file = body.file;
    const errors: FieldError[] = [];
    const upload = file instanceof File && file.size > 0 ? file : undefined;
    if (upload === undefined) {
      errors.push({ fieldId: "file", label: "The file", message: "Choose the file to import" });
    }
    if (!isKind(kind)) {
      errors.push({ fieldId: "kind", label: "What the file is", message: "Choose its layout" });
    }
    if (!IsoDate.safeParse(published).success) {
      errors.push({
        fieldId: "published",
        label: "The date",
        message: "Enter the date the file describes, for example 2024-10-25",
      });
    }
    if (upload === undefined || !isKind(kind) || errors.length > 0) {
      return render(c, { errors, kind, published }, 400);
    }
    const name = fileName(upload.name) || `${kind}.csv`;
    const bytes = new Uint8Array(await upload.arrayBuffer());
    const user = c.get("user");
    const planned = await outcomeOf(
      runVerb(deps.runtime, (register) =>
        register.importFile(
          { kind, name, bytes, published },
          { actor: user?.email ?? "unknown" },
          { dryRun: true },
        ),
      ),
    );
    if (!planned.ok) return failed(c, planned.error, { name, kind, published });
    const report: ImportReport = planned.value;
    const id = pending.add({
      kind,
      name,
      published,
      bytes,
      sha256: report.file.sha256,
      userId: user?.id ?? "",
    });
    return page(
      c,
      <ImportPlanPage ctx={c.get("view")} data={{ report, upload: id, size: bytes.length }} />,
    );
  });

  app.post("/imports/:upload/apply", async (c) => {
    const id = c.req.param("upload");
    const user = c.get("user");
    const upload = pending.get(id, user?.id ?? "");
    if (upload === undefined) {
      return page(
        c,
        <ErrorPage ctx={c.get("view")} title="This upload is no longer here">
          <p>
            Uploads wait 30 minutes to be applied, and only for the account that uploaded them.
            Nothing was changed: <a href={deps.paths.imports()}>upload the file again</a>.
          </p>
        </ErrorPage>,
        404,
      );
    }
    const applied = await outcomeOf(
      runVerb(deps.runtime, (register) =>
        register.importFile(
          {
            kind: upload.kind,
            name: upload.name,
            bytes: upload.bytes,
            published: upload.published,
          },
          { actor: user?.email ?? "unknown" },
        ),
      ),
    );
    if (!applied.ok) return failed(c, applied.error, upload);
    pending.delete(id);
    return page(c, <ImportResultPage ctx={c.get("view")} report={applied.value} />);
  });
};
