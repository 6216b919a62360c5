/**
 * @module keyRoutes
 * API keys for admins: list them (scopes, who made each, last use), create one (its secret
 * shown once, in the answer to the form), revoke one. Recorded in the audit trail as the
 * signed-in admin; a revoked key is refused by every running server within a second.
 */
import { AuthInputError, Scope } from "@care-atlas/auth";
import type { Context, Hono } from "hono";
import { requireAdmin } from "../http/Access.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { fieldText } from "../http/FormBody.js";
import { page, seeOther } from "../http/Render.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { ErrorPage } from "../views/pages/ErrorPage.js";
import { type KeysData, KeysPage } from "../views/pages/KeysPage.js";
import { actorOfAdmin } from "./accessHelpers.js";
import type { PageDeps } from "./PageDeps.js";

const fieldList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : typeof value === "string"
      ? [value]
      : [];

/** Registers the key routes. */
export const registerKeyRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  app.use("/keys", requireAdmin);
  app.use("/keys/*", requireAdmin);

  const render = async (
    c: Context<AdminEnv>,
    data: Omit<KeysData, "keys">,
    status: 200 | 400 = 200,
  ) =>
    page(
      c,
      <KeysPage ctx={c.get("view")} data={{ ...data, keys: await deps.auth.listKeys() }} />,
      status,
    );

  app.get("/keys", (c) => {
    const revoked = c.req.query("revoked");
    return render(c, {
      errors: [],
      name: "",
      scopes: ["read"],
      revoked: revoked !== undefined && /^[0-9a-z]{8}$/.test(revoked) ? revoked : undefined,
    });
  });

  app.post("/keys", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const name = fieldText(body.name).trim();
    const scopes = fieldList(body.scopes);
    const errors: FieldError[] = [];
    if (name === "") errors.push({ fieldId: "name", message: "Enter what the key is for" });
    if (scopes.length === 0)
      errors.push({ fieldId: "scopes", message: "Choose at least one scope" });
    else if (!scopes.every((scope) => Scope.safeParse(scope).success)) {
      errors.push({ fieldId: "scopes", message: "Choose scopes from the list" });
    }
    if (errors.length === 0) {
      try {
        const created = await deps.auth.createKey({ name, scopes }, actorOfAdmin(c, deps));
        return render(c, { errors: [], name: "", scopes: ["read"], created });
      } catch (error) {
        if (!(error instanceof AuthInputError)) throw error;
        errors.push({
          fieldId: error.field === "name" ? "name" : "scopes",
          message: `${error.field === "name" ? "Name" : "Scopes"} ${error.message.slice(error.field.length + 2)}`,
        });
      }
    }
    return render(c, { errors, name, scopes }, 400);
  });

  app.post("/keys/:prefix/revoke", async (c) => {
    const prefix = c.req.param("prefix");
    const key = /^[0-9a-z]{8}$/.test(prefix)
      ? (await deps.auth.listKeys()).find((k) => k.prefix === prefix)
      : undefined;
    if (key === undefined) {
      return page(
        c,
        <ErrorPage ctx={c.get("view")} title="Key not found">
          <p>There is no API key {prefix}.</p>
        </ErrorPage>,
        404,
      );
    }
    await deps.auth.revokeKey(prefix, actorOfAdmin(c, deps));
    return seeOther(c, deps.paths.keys({ revoked: prefix }));
  });
};
