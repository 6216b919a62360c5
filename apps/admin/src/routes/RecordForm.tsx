/**
 * @module RecordForm
 * The generated form that creates or changes a record, and what happens when it is sent:
 * "Add another" (a blank row, without JavaScript), the check, and the save. The check reads
 * the form, validates it with the domain schema, then asks the services' `previewChange`
 * for the very change the save will make (the register's rules on the changed register:
 * errors refuse it, warnings are shown). The save sends the same `ChangeRequest` to
 * `saveChange`, with the revision the form was read at and the signed-in editor as the
 * actor, and only when the form is exactly what was checked. A service error of either step
 * re-renders the form with the user's input, as the one error report says.
 */
import { createHash } from "node:crypto";
import {
  type Entity,
  type EntityKind,
  entitySchemas,
  type Finding,
  newId,
} from "@care-atlas/domain";
import {
  type ChangeRequest,
  invalidInput,
  type RegisterRuntime,
  runVerb,
  type ServiceError,
  ValidationFailed,
} from "@care-atlas/services";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { FieldSupport } from "../forms/EntityFields.js";
import {
  friendlyMessage,
  type PathIssue,
  placeIssues,
  renderedInputs,
} from "../forms/FormErrors.js";
import type { FormField } from "../forms/FormModel.js";
import { type FormState, readForm, stateFromBody } from "../forms/FormState.js";
import type { EditorEnv } from "../http/Access.js";
import { fieldText } from "../http/FormBody.js";
import { page, seeOther } from "../http/Render.js";
import { outcomeOf, serviceErrorReport } from "../http/ServiceErrorPage.js";
import type { Paths } from "../Paths.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import type { Crumb } from "../views/Layout.js";
import { EditPage } from "../views/pages/EditPage.js";

/** A record form: what it is about, and the change it asks for. */
export interface FormContext {
  readonly kind: EntityKind;
  /** The record changed; `undefined` for a new one. */
  readonly id: string | undefined;
  readonly name: string;
  readonly fields: ReadonlyArray<FormField>;
  readonly versions: ReadonlyArray<Entity>;
  /** The revision the form was read at; `undefined` for a new record. */
  readonly revision: number | undefined;
  readonly editing: Entity | undefined;
  readonly action: string;
  readonly breadcrumbs: ReadonlyArray<Crumb>;
  /**
   * The change the submitted form asks for, as the services take it (checked with
   * `previewChange`, saved with `saveChange`), from the version the form reads as; or
   * `undefined` when the form cannot say (a change to a record without the revision the
   * form was read at).
   */
  readonly request: (version: Entity, revision: number | undefined) => ChangeRequest | undefined;
  /** Shown above the form. */
  readonly notice?: string;
}

/** What a form re-rendered after a POST shows besides its fields. */
interface RenderOptions {
  readonly issues?: ReadonlyArray<PathIssue>;
  readonly formErrors?: ReadonlyArray<FieldError>;
  readonly reason?: string;
  readonly reasonError?: string | undefined;
  readonly extraRows?: Record<string, number>;
  readonly checked?: string | undefined;
  readonly warnings?: ReadonlyArray<Finding>;
  readonly conflict?: string | undefined;
  readonly revision?: number | undefined;
  readonly status?: ContentfulStatusCode;
}

/** The revision a form carries (`_revision`), or `undefined` when it has none. */
export const revisionOf = (value: unknown): number | undefined => {
  const revision = fieldText(value).trim();
  return /^\d{1,15}$/.test(revision) ? Number(revision) : undefined;
};

/** What a form that lost its revision is told (it cannot be saved over someone's change). */
export const lostRevision = (): ServiceError =>
  invalidInput([
    {
      path: "_revision",
      message:
        "The form does not say which revision of the record it was opened at. Open the record again and make your change there.",
    },
  ]);

/** The digest of a checked candidate: a save must be of exactly what was checked. */
const digestOf = (value: unknown, revision: number | undefined): string =>
  createHash("sha256").update(JSON.stringify({ value, revision })).digest("base64url");

/** Extra blank rows asked for with "Add another". */
const extraRowsOf = (body: Record<string, unknown>, action: string): Record<string, number> => {
  const extra: Record<string, number> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith("_rows.")) continue;
    const n = Number(fieldText(value));
    if (Number.isInteger(n) && n >= 1 && n <= 20) extra[key.slice("_rows.".length)] = n;
  }
  if (action.startsWith("add-row:")) {
    const name = action.slice("add-row:".length);
    extra[name] = Math.min(20, (extra[name] ?? 1) + 1);
  }
  return extra;
};

/** A candidate read with the kind's schema: the version, or its issues in kinder words. */
const parseCandidate = (
  kind: EntityKind,
  candidate: unknown,
): { readonly version: Entity | undefined; readonly issues: PathIssue[] } => {
  const parsed = entitySchemas[kind].safeParse(candidate);
  return parsed.success
    ? { version: parsed.data, issues: [] }
    : {
        version: undefined,
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join("."),
          message: friendlyMessage(issue.message),
        })),
      };
};

/** Renders a record form. */
export const renderForm = (
  c: Context<EditorEnv>,
  form: FormContext,
  support: FieldSupport,
  state: FormState,
  options: RenderOptions = {},
): Response => {
  const extraRows = options.extraRows ?? {};
  const inputs = renderedInputs(form.fields, state, extraRows);
  const placed = placeIssues(inputs, options.issues ?? []);
  const editing = form.editing;
  return page(
    c,
    <EditPage
      ctx={c.get("view")}
      data={{
        mode: form.id === undefined ? "create" : "edit",
        kind: form.kind,
        id: form.id,
        name: form.name,
        action: form.action,
        fields: form.fields,
        state,
        errors: placed.byName,
        summary: [...(options.formErrors ?? []), ...placed.summary],
        extraRows,
        support,
        revision: options.revision ?? form.revision,
        reason: options.reason ?? "",
        reasonError: options.reasonError,
        checked: options.checked,
        warnings: options.warnings ?? [],
        editing: editing === undefined ? undefined : editing.valid,
        otherVersions: form.versions.filter((v) => v !== editing).map((v) => v.valid),
        conflict: options.conflict,
        breadcrumbs: form.breadcrumbs,
        notice: form.notice,
      }}
    />,
    options.status ?? 200,
  );
};

/** What a form submission needs besides the form. */
export interface SubmitDeps {
  readonly runtime: RegisterRuntime;
  readonly paths: Paths;
}

/** Handles a POST of a record form: add a row, check, or save. */
export const submitForm = async (
  c: Context<EditorEnv>,
  deps: SubmitDeps,
  form: FormContext,
  support: FieldSupport,
): Promise<Response> => {
  const body = await c.req.parseBody({ all: true });
  const action = fieldText(body._action) || "check";
  const state = stateFromBody(body);
  const extraRows = extraRowsOf(body, action);
  const reason = fieldText(body._reason).trim();
  const revision = revisionOf(body._revision);
  if (action.startsWith("add-row:"))
    return renderForm(c, form, support, state, { extraRows, reason, revision });

  const { value, issues: formIssues } = readForm(form.fields, state);
  const candidate = parseCandidate(form.kind, { ...value, id: form.id ?? newId(form.kind) });
  const issues = [
    ...formIssues,
    ...candidate.issues.filter((i) => !formIssues.some((f) => f.path === i.path)),
  ];
  const reasonError = reason === "" ? "Enter the reason for this change" : undefined;
  if (candidate.version === undefined || issues.length > 0 || reasonError !== undefined) {
    return renderForm(c, form, support, state, {
      issues,
      reason,
      reasonError,
      extraRows,
      revision,
      status: 400,
    });
  }

  /** A service error of the check or the save, on the form (the input kept). */
  const failed = (error: ServiceError) => {
    const report = serviceErrorReport(error);
    if (report.retryAfterSeconds !== undefined) {
      c.header("Retry-After", String(report.retryAfterSeconds));
    }
    return renderForm(c, form, support, state, {
      issues: report.fields,
      formErrors: report.summary,
      reason,
      reasonError: report.reason,
      conflict: report.conflict,
      extraRows,
      revision,
      status: report.status,
    });
  };

  const request = form.request(candidate.version, revision);
  if (request === undefined) return failed(lostRevision());
  const digest = digestOf(value, revision);

  if (action !== "save" || fieldText(body._checked) !== digest) {
    // The check step: the services' dry run of exactly the change the save will make.
    const preview = await outcomeOf(
      runVerb(deps.runtime, (register) => register.previewChange(request)),
    );
    if (!preview.ok) return failed(preview.error);
    const { findings, blocked } = preview.value;
    if (blocked) {
      // What the save would be refused with.
      return failed(
        new ValidationFailed({
          about: "change",
          issues: [],
          findings: findings.filter((f) => f.severity === "error"),
          message: "the change breaks the register's rules",
        }),
      );
    }
    return renderForm(c, form, support, state, {
      checked: digest,
      warnings: findings.filter((f) => f.severity === "warning"),
      reason,
      extraRows,
      revision,
    });
  }

  const saved = await outcomeOf(
    runVerb(deps.runtime, (register) =>
      register.saveChange(request, { actor: c.get("editor").email, reason }),
    ),
  );
  if (!saved.ok) return failed(saved.error);
  const seq = saved.value.changes.at(-1)?.seq;
  return seeOther(c, deps.paths.history(saved.value.id, { saved: seq ?? "none" }));
};
