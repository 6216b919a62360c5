/**
 * @module createRoutes
 * Adding a record (editors and admins only): the choice of kind, then the form for one,
 * checked and saved as a create. A new succession (merger, split, rename, transfer) is
 * recorded with the services' `recordSuccession`, which also ends each predecessor and its
 * relationships (e.g. a practice's PCN membership) on the date.
 */
import { type Entity, type EntityKind, entityKinds } from "@care-atlas/domain";
import { type ChangeRequest, runVerb } from "@care-atlas/services";
import type { Hono } from "hono";
import { fieldSupport } from "../forms/FieldSupport.js";
import { formFields } from "../forms/FormModel.js";
import { stateOf } from "../forms/FormState.js";
import { requireEditor } from "../http/Access.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { page } from "../http/Render.js";
import { kindLabels } from "../views/components/Links.js";
import { NewRecordPage } from "../views/pages/RecordPages.js";
import type { PageDeps } from "./PageDeps.js";
import { type FormContext, renderForm, submitForm } from "./RecordForm.js";

/** What the succession form adds to a create form. */
const successionForm = {
  notice:
    'Recording a merger, split, rename or transfer also ends each predecessor, and its memberships and other links, on the day it takes effect ("Valid: From"). Leave "To" blank.',
  request: (version: Entity): ChangeRequest | undefined =>
    "predecessorIds" in version
      ? {
          operation: "succession",
          succession: {
            kind: version.kind,
            predecessorIds: version.predecessorIds,
            successorIds: version.successorIds,
            date: version.valid.from,
            ...(version.note === undefined ? {} : { note: version.note }),
            provenance: version.provenance,
          },
        }
      : undefined,
} satisfies Partial<FormContext>;

/** Registers the create routes. */
export const registerCreateRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime, paths } = deps;

  const createContext = async (kind: EntityKind) => {
    const directory = await runVerb(runtime, (register) => register.directory());
    const context: FormContext = {
      kind,
      id: undefined,
      name: kindLabels[kind].one,
      fields: formFields(kind),
      versions: [],
      revision: undefined,
      editing: undefined,
      action: paths.create(kind),
      breadcrumbs: [{ text: "Add a record", href: paths.newRecord() }],
      request: (version) => ({ operation: "create", kind, version }),
      ...(kind === "succession" ? successionForm : {}),
    };
    return { context, support: fieldSupport(directory) };
  };

  app.get("/new", requireEditor, (c) =>
    page(c, <NewRecordPage ctx={c.get("view")} kinds={entityKinds} />),
  );

  app.get("/new/:kind", requireEditor, async (c) => {
    const kind = entityKinds.find((k) => k === c.req.param("kind"));
    if (kind === undefined) return c.notFound();
    const read = await createContext(kind);
    const state = stateOf(read.context.fields, { valid: { from: deps.today(), to: null } });
    return renderForm(c, read.context, read.support, state);
  });

  app.post("/new/:kind", requireEditor, async (c) => {
    const kind = entityKinds.find((k) => k === c.req.param("kind"));
    if (kind === undefined) return c.notFound();
    const read = await createContext(kind);
    return submitForm(c, deps, read.context, read.support);
  });
};
