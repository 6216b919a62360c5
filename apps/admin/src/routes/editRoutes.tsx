/**
 * @module editRoutes
 * Changing a record (editors and admins only): the form for one of its versions (the one
 * valid on the date asked for, else the latest), checked and saved as an update with the
 * revision the form was read at.
 */
import { displayName, type EntityKind, IsoDate, kindOfId } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { Effect } from "effect";
import type { Hono } from "hono";
import { fieldSupport } from "../forms/FieldSupport.js";
import { formFields } from "../forms/FormModel.js";
import { stateOf } from "../forms/FormState.js";
import { requireEditor } from "../http/Access.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { fieldText } from "../http/FormBody.js";
import { hrefOf } from "../views/components/Links.js";
import type { PageDeps } from "./PageDeps.js";
import { type FormContext, renderForm, submitForm } from "./RecordForm.js";
import { shownVersion } from "./Versions.js";

/** Registers the edit routes. */
export const registerEditRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const { runtime, paths } = deps;

  /** Reads what the form for one version of a record needs. */
  const editContext = async (kind: EntityKind, id: string, validAt: string | undefined) => {
    const data = await runVerb(runtime, (register) =>
      Effect.all({ read: register.getVersions(kind, id), directory: register.directory() }),
    );
    const { versions, revision } = data.read;
    const { version } = shownVersion(versions, validAt ?? deps.today());
    const context: FormContext = {
      kind,
      id,
      name: displayName(version),
      fields: formFields(kind),
      versions,
      revision: revision ?? undefined,
      editing: version,
      action: paths.edit(id),
      breadcrumbs: [{ text: displayName(version), href: hrefOf(paths, id) }],
      request: (edited, expectedRevision) =>
        expectedRevision === undefined
          ? undefined
          : { operation: "update", kind, id, version: edited, expectedRevision },
    };
    return { context, support: fieldSupport(data.directory) };
  };

  app.get("/records/:id/edit", requireEditor, async (c) => {
    const id = c.req.param("id");
    const kind = kindOfId(id);
    if (kind === undefined) return c.notFound();
    const read = await editContext(kind, id, IsoDate.safeParse(c.req.query("validAt")).data);
    return renderForm(
      c,
      read.context,
      read.support,
      stateOf(read.context.fields, read.context.editing),
    );
  });

  app.post("/records/:id/edit", requireEditor, async (c) => {
    const id = c.req.param("id");
    const kind = kindOfId(id);
    if (kind === undefined) return c.notFound();
    const body = await c.req.parseBody({ all: true });
    const editingFrom = IsoDate.safeParse(fieldText(body._editing)).data;
    const read = await editContext(kind, id, editingFrom);
    return submitForm(c, deps, read.context, read.support);
  });
};
