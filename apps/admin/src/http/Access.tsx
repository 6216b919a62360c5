/**
 * @module Access
 * Who may do what. Every page needs a signed-in account (401 for a form sent without one);
 * editors and admins create, change and end records; admins also manage accounts. The
 * checks run on the routes, GET and POST, not only in the navigation. A route behind
 * {@link requireEditor} gets the signed-in account as `editor`: a change to the register is
 * always written in someone's name.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { ErrorPage } from "../views/pages/ErrorPage.js";
import { canEdit, canManageUsers, type ViewContext, type ViewUser } from "../views/ViewContext.js";
import type { AdminEnv, AdminVariables } from "./AdminEnv.js";
import { page } from "./Render.js";

/** The environment of a route behind {@link requireEditor}. */
export interface EditorEnv extends AdminEnv {
  Variables: AdminVariables & {
    /** The signed-in account that may change the register: who a write is recorded as. */
    editor: ViewUser;
  };
}

/** The 401 page: nothing is done without a signed-in account. */
export const signInRequired = (c: Context, view: ViewContext): Response =>
  page(
    c,
    <ErrorPage ctx={view} title="Sign in to continue">
      <p>
        You are not signed in, so nothing was changed. <a href={view.paths.signIn()}>Sign in</a>.
      </p>
    </ErrorPage>,
    401,
  );

/**
 * Lets editors and admins through, with their account as `editor`; answers 401 without a
 * signed-in account and 403 to viewers.
 *
 * @example
 * ```ts
 * app.post("/records/:id/end", requireEditor, (c) => save({ actor: c.get("editor").email, reason }));
 * ```
 */
export const requireEditor = createMiddleware<EditorEnv>(async (c, next) => {
  const user = c.get("user");
  if (user === undefined) return signInRequired(c, c.get("view"));
  if (!canEdit(user)) {
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
  c.set("editor", user);
  await next();
});

/** Lets admins through; answers 401 without a signed-in account and 403 to everyone else. */
export const requireAdmin = createMiddleware<AdminEnv>(async (c, next) => {
  const user = c.get("user");
  if (user === undefined) return signInRequired(c, c.get("view"));
  if (!canManageUsers(user)) {
    return page(
      c,
      <ErrorPage ctx={c.get("view")} title="You cannot manage accounts">
        <p>Only administrators can see and add accounts.</p>
      </ErrorPage>,
      403,
    );
  }
  await next();
});
