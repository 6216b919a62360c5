/**
 * @module editRoutes
 * Creating, changing and ending records (editors and admins only): the generated form, the
 * check step (schema, then the services' `previewChange` of the very change the save will
 * make: the register's rules on the changed register), the save through the services with
 * the revision the form was read at, and the mapping of the services' tagged errors —
 * `ValidationFailed` to the error summary, `Conflict` to a clear "changed by someone else"
 * message with the user's input kept.
 */
import { createHash } from "node:crypto";
import {
  type Entity,
  type EntityKind,
  entityKinds,
  entitySchemas,
  type Finding,
  IsoDate,
  kindOfId,
  newId,
  teamRoleLabels,
} from "@care-atlas/domain";
import type {
  ChangeRequest,
  RegisterShape,
  ServiceError,
  SuccessionInput,
} from "@care-atlas/services";
import { Effect } from "effect";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { checkChange, saveChange } from "../forms/ChangeCheck.js";
import type { FieldSupport } from "../forms/EntityFields.js";
import {
  friendlyMessage,
  type PathIssue,
  placeIssues,
  renderedInputs,
} from "../forms/FormErrors.js";
import { type FormField, formFields } from "../forms/FormModel.js";
import { type FormState, readForm, stateFromBody, stateOf } from "../forms/FormState.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { callRegister, readRegister } from "../http/RegisterCall.js";
import { page, seeOther } from "../http/Render.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { hrefOf, humanise, kindLabels } from "../views/components/Links.js";
import type { Crumb } from "../views/Layout.js";
import { EditPage } from "../views/pages/EditPage.js";
import { ErrorPage } from "../views/pages/ErrorPage.js";
import { EndPage, NewRecordPage } from "../views/pages/RecordPages.js";
import { canEdit } from "../views/ViewContext.js";
import type { PageDeps } from "./PageDeps.js";
import { nameOfVersion } from "./Reads.js";
import { shownVersion } from "./Versions.js";

/** Kinds small enough to choose from a list in a form. */
const listedLimit = 80;

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** Refuses users who may not change the register. */
export const requireEditor: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (!canEdit(c.get("user"))) {
    return page(
      c,
      <ErrorPage ctx={c.get("view")} title="You cannot change the register">
        <p>
          Your account can view the register but not change it. Ask an administrator if you need to
          make changes.
        </p>
      </ErrorPage>,
      403,
    );
  }
  await next();
};

/** The digest of a checked candidate: a save must be of exactly what was checked. */
const digestOf = (value: unknown, revision: number | undefined): string =>
  createHash("sha256").update(JSON.stringify({ value, revision })).digest("base64url");

const support = (register: RegisterShape) =>
  Effect.map(register.readModel, (model): FieldSupport => {
    const cache = new Map<EntityKind, ReadonlyArray<{ value: string; text: string }> | undefined>();
    return {
      referenceOptions: (kind) => {
        if (cache.has(kind)) return cache.get(kind);
        const ids = model.ids(kind);
        const options =
          ids.length > listedLimit
            ? undefined
            : ids
                .map((id) => {
                  const last = model.history(id)?.versions.at(-1);
                  return { value: id, text: last === undefined ? id : nameOfVersion(last) };
                })
                .sort((a, b) => a.text.localeCompare(b.text, "en-GB"));
        cache.set(kind, options);
        return options;
      },
      optionLabel: (field, value) =>
        field === "role" && value in teamRoleLabels
          ? teamRoleLabels[value as keyof typeof teamRoleLabels]
          : humanise(value),
    };
  });

/** Extra blank rows asked for with "Add another". */
const extraRowsOf = (body: Record<string, unknown>, action: string): Record<string, number> => {
  const extra: Record<string, number> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith("_rows.")) continue;
    const n = Number(text(value));
    if (Number.isInteger(n) && n >= 1 && n <= 20) extra[key.slice("_rows.".length)] = n;
  }
  if (action.startsWith("add-row:")) {
    const name = action.slice("add-row:".length);
    extra[name] = Math.min(20, (extra[name] ?? 1) + 1);
  }
  return extra;
};

/** Schema issues of a candidate, with kinder messages. */
const schemaIssues = (kind: EntityKind, candidate: unknown): PathIssue[] => {
  const parsed = entitySchemas[kind].safeParse(candidate);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: friendlyMessage(issue.message),
      }));
};

/** The services' validation errors as path issues (`version.name` → `name`). */
const serviceIssues = (
  error: ServiceError,
): { fields: PathIssue[]; reason: string | undefined; form: FieldError[] } => {
  const fields: PathIssue[] = [];
  const form: FieldError[] = [];
  let reason: string | undefined;
  if (error._tag === "ValidationFailed") {
    for (const issue of error.issues) {
      if (issue.path === "meta.reason") reason = issue.message;
      else if (issue.path.startsWith("version."))
        fields.push({
          path: issue.path.slice("version.".length),
          message: friendlyMessage(issue.message),
        });
      else if (issue.path === "version") form.push({ message: issue.message });
      else fields.push({ path: issue.path, message: friendlyMessage(issue.message) });
    }
    for (const finding of error.findings)
      form.push({ message: `${finding.message} (rule: ${finding.rule})` });
  } else {
    form.push({ message: error.message });
  }
  return { fields, reason, form };
};

interface FormContext {
  readonly kind: EntityKind;
  readonly id: string | undefined;
  readonly name: string;
  readonly fields: ReadonlyArray<FormField>;
  readonly versions: ReadonlyArray<Entity>;
  readonly revision: number | undefined;
  readonly editing: Entity | undefined;
  readonly action: string;
  readonly breadcrumbs: ReadonlyArray<Crumb>;
  /**
   * The change the submitted form asks for, as the services take it: checked with
   * `previewChange`, then saved with the verb it names.
   */
  readonly request: (value: Record<string, unknown>, revision: number | undefined) => ChangeRequest;
  /** Shown above the form. */
  readonly notice?: string;
}

/**
 * A new succession: recorded with `recordSuccession`, which ends the predecessors and their
 * relationships (e.g. a practice's PCN membership) on the date.
 */
const successionForm = {
  notice:
    'Recording a merger, split, rename or transfer also ends each predecessor, and its memberships and other links, on the day it takes effect ("Valid: From"). Leave "To" blank.',
  request: (value: Record<string, unknown>): ChangeRequest => {
    const form = value as {
      kind: SuccessionInput["kind"];
      predecessorIds: string[];
      successorIds: string[];
      valid?: { from?: string };
      note?: string;
      provenance: SuccessionInput["provenance"];
    };
    return {
      operation: "succession",
      succession: {
        kind: form.kind,
        predecessorIds: form.predecessorIds,
        successorIds: form.successorIds,
        date: form.valid?.from ?? "",
        ...(form.note === undefined ? {} : { note: form.note }),
        provenance: form.provenance,
      },
    };
  },
};

/** Registers the edit, create and end routes. */
export const registerEditRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime, paths } = deps;

  app.use("/records/:id/edit", requireEditor);
  app.use("/records/:id/end", requireEditor);
  app.use("/new", requireEditor);
  app.use("/new/*", requireEditor);

  /** Reads what an edit form needs; undefined when the record does not exist. */
  const editContext = async (id: string, validAt: string | undefined) => {
    const kind = kindOfId(id);
    if (kind === undefined) return undefined;
    return readRegister(runtime, (register) =>
      Effect.gen(function* () {
        const model = yield* register.readModel;
        const history = model.history(id);
        if (history === undefined || history.kind !== kind) return undefined;
        const date = validAt ?? deps.today();
        const { version } = shownVersion(history.versions, date);
        const fieldSupport = yield* support(register);
        const context: FormContext = {
          kind,
          id,
          name: nameOfVersion(version),
          fields: formFields(kind),
          versions: history.versions,
          revision: history.revision ?? undefined,
          editing: version,
          action: paths.edit(id),
          breadcrumbs: [{ text: nameOfVersion(version), href: hrefOf(paths, id) }],
          request: (value, revision) => ({
            operation: "update",
            kind,
            id,
            version: value as never,
            expectedRevision: revision ?? -1,
          }),
        };
        return { context, support: fieldSupport };
      }),
    );
  };

  const render = (
    c: Context<AdminEnv>,
    form: FormContext,
    fieldSupport: FieldSupport,
    state: FormState,
    options: {
      issues?: ReadonlyArray<PathIssue>;
      formErrors?: ReadonlyArray<FieldError>;
      reason?: string;
      reasonError?: string | undefined;
      extraRows?: Record<string, number>;
      checked?: string | undefined;
      warnings?: ReadonlyArray<Finding>;
      conflict?: string | undefined;
      revision?: number | undefined;
      status?: 200 | 400 | 409;
    } = {},
  ) => {
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
          support: fieldSupport,
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

  /** Handles a POST of the form: add a row, check, or save. */
  const submit = async (c: Context<AdminEnv>, form: FormContext, fieldSupport: FieldSupport) => {
    const body = await c.req.parseBody({ all: true });
    const action = text(body._action) || "check";
    const state = stateFromBody(body);
    const extraRows = extraRowsOf(body, action);
    const reason = text(body._reason).trim();
    const revisionText = text(body._revision);
    const revision = revisionText === "" ? undefined : Number(revisionText);
    if (action.startsWith("add-row:"))
      return render(c, form, fieldSupport, state, { extraRows, reason, revision });

    const { value, issues: formIssues } = readForm(form.fields, state);
    const candidateId = form.id ?? newId(form.kind);
    const candidate = { ...value, id: candidateId };
    const issues = [
      ...formIssues,
      ...schemaIssues(form.kind, candidate).filter(
        (i) => !formIssues.some((f) => f.path === i.path),
      ),
    ];
    const reasonError = reason === "" ? "Enter the reason for this change" : undefined;
    if (issues.length > 0 || reasonError !== undefined) {
      return render(c, form, fieldSupport, state, {
        issues,
        reason,
        reasonError,
        extraRows,
        revision,
        status: 400,
      });
    }

    const digest = digestOf(value, revision);
    const request = form.request(value, revision);
    /** A service error of the check or the save, on the form (the input kept). */
    const failed = (error: ServiceError) => {
      if (error._tag === "Conflict") {
        return render(c, form, fieldSupport, state, {
          conflict: `Someone else saved a change to this record after you opened it (it is now at revision ${error.actual ?? "none"}; you started from revision ${error.expected ?? "none"}).`,
          reason,
          extraRows,
          revision,
          status: 409,
        });
      }
      // The record itself gone: not found. Another record the form names: say which.
      if (error._tag === "NotFound" && error.key === form.id) return c.notFound();
      const mapped = serviceIssues(error);
      return render(c, form, fieldSupport, state, {
        issues: mapped.fields,
        formErrors: mapped.form,
        reason,
        reasonError: mapped.reason,
        extraRows,
        revision,
        status: 400,
      });
    };

    if (action !== "save" || text(body._checked) !== digest) {
      // The check step: the services' dry run of exactly the change the save will make.
      const checked = await callRegister(runtime, (register) => checkChange(register, request));
      if (!checked.ok) return failed(checked.error);
      const { findings, blocked } = checked.value;
      if (blocked) {
        return render(c, form, fieldSupport, state, {
          formErrors: findings
            .filter((f) => f.severity === "error")
            .map((f) => ({ message: `${f.message} (rule: ${f.rule})` })),
          reason,
          extraRows,
          revision,
          status: 400,
        });
      }
      return render(c, form, fieldSupport, state, {
        checked: digest,
        warnings: findings.filter((f) => f.severity === "warning"),
        reason,
        extraRows,
        revision,
      });
    }

    const user = c.get("user");
    const outcome = await callRegister(runtime, (register) =>
      saveChange(register, request, { actor: user?.email ?? "unknown", reason }),
    );
    if (outcome.ok) {
      const seq = outcome.value.changes.at(-1)?.seq;
      return seeOther(c, paths.history(outcome.value.id, { saved: seq ?? "none" }));
    }
    return failed(outcome.error);
  };

  app.get("/records/:id/edit", async (c) => {
    const validAt = IsoDate.safeParse(c.req.query("validAt")).data;
    const read = await editContext(c.req.param("id"), validAt);
    if (read === undefined) return c.notFound();
    return render(
      c,
      read.context,
      read.support,
      stateOf(read.context.fields, read.context.editing),
    );
  });

  app.post("/records/:id/edit", async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody({ all: true });
    const editingFrom = IsoDate.safeParse(text(body._editing)).data;
    const read = await editContext(id, editingFrom);
    if (read === undefined) return c.notFound();
    return submit(c, read.context, read.support);
  });

  const creatable = entityKinds;

  app.get("/new", (c) => page(c, <NewRecordPage ctx={c.get("view")} kinds={creatable} />));

  const createContext = async (kind: EntityKind) =>
    readRegister(runtime, (register) =>
      Effect.map(support(register), (fieldSupport) => ({
        support: fieldSupport,
        context: {
          kind,
          id: undefined,
          name: kindLabels[kind].one,
          fields: formFields(kind),
          versions: [],
          revision: undefined,
          editing: undefined,
          action: paths.create(kind),
          breadcrumbs: [{ text: "Add a record", href: paths.newRecord() }],
          request: (value): ChangeRequest => ({
            operation: "create",
            kind,
            version: value as never,
          }),
          // A succession is recorded with the services' own verb, which also ends each
          // predecessor and its relationships on the date.
          ...(kind === "succession" ? successionForm : {}),
        } satisfies FormContext,
      })),
    );

  app.get("/new/:kind", async (c) => {
    const kind = entityKinds.find((k) => k === c.req.param("kind"));
    if (kind === undefined) return c.notFound();
    const read = await createContext(kind);
    const state = stateOf(read.context.fields, { valid: { from: deps.today(), to: null } });
    return render(c, read.context, read.support, state);
  });

  app.post("/new/:kind", async (c) => {
    const kind = entityKinds.find((k) => k === c.req.param("kind"));
    if (kind === undefined) return c.notFound();
    const read = await createContext(kind);
    return submit(c, read.context, read.support);
  });

  const endContext = async (id: string) => {
    const kind = kindOfId(id);
    if (kind === undefined) return undefined;
    return readRegister(runtime, (register) =>
      Effect.map(register.readModel, (model) => {
        const history = model.history(id);
        if (history === undefined || history.kind !== kind) return undefined;
        const last = history.versions.at(-1);
        return {
          kind,
          revision: history.revision ?? 0,
          title: last === undefined ? id : nameOfVersion(last),
        };
      }),
    );
  };

  app.get("/records/:id/end", async (c) => {
    const id = c.req.param("id");
    const read = await endContext(id);
    if (read === undefined) return c.notFound();
    return page(
      c,
      <EndPage
        ctx={c.get("view")}
        data={{ ...read, id, date: "", reason: "", errors: [], conflict: undefined }}
      />,
    );
  });

  app.post("/records/:id/end", async (c) => {
    const id = c.req.param("id");
    const read = await endContext(id);
    if (read === undefined) return c.notFound();
    const body = await c.req.parseBody({ all: true });
    const date = text(body.date).trim();
    const reason = text(body._reason).trim();
    const revision = Number(text(body._revision));
    const errors: FieldError[] = [];
    if (!IsoDate.safeParse(date).success)
      errors.push({ fieldId: "date", message: "Enter a real date, for example 2024-04-01" });
    if (reason === "")
      errors.push({ fieldId: "reason", message: "Enter the reason for this change" });
    const again = (list: FieldError[], conflict: string | undefined, status: 400 | 409) =>
      page(
        c,
        <EndPage
          ctx={c.get("view")}
          data={{ ...read, id, revision, date, reason, errors: list, conflict }}
        />,
        status,
      );
    if (errors.length > 0) return again(errors, undefined, 400);
    const user = c.get("user");
    const outcome = await callRegister(runtime, (register) =>
      register.endEntity(read.kind, id, date, revision, {
        actor: user?.email ?? "unknown",
        reason,
      }),
    );
    if (outcome.ok)
      return seeOther(c, paths.history(id, { saved: outcome.value.changes.at(-1)?.seq ?? "none" }));
    const error = outcome.error;
    if (error._tag === "Conflict") {
      return again(
        [],
        `Someone else changed this record after you opened the form (now at revision ${error.actual ?? "none"}). Nothing was changed.`,
        409,
      );
    }
    if (error._tag === "ValidationFailed") {
      return again(
        [
          ...error.issues.map((i) => ({
            fieldId: i.path === "date" ? "date" : i.path === "meta.reason" ? "reason" : undefined,
            message: i.message,
          })),
          ...error.findings.map((f) => ({ message: f.message })),
        ],
        undefined,
        400,
      );
    }
    return again([{ message: error.message }], undefined, 400);
  });
};
