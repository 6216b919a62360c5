/**
 * @module AdminEnv
 * The Hono environment of the admin app: what the session middleware puts on each request.
 */
import type { ViewContext, ViewUser } from "../views/ViewContext.js";

/** Variables on every admin request. */
export interface AdminVariables {
  /** The signed-in account, if any. */
  user: ViewUser | undefined;
  /** The session cookie's token (signed in) — for sign-out. */
  sessionToken: string | undefined;
  /** The context every view renders with. */
  view: ViewContext;
}

/** The admin app's Hono environment. */
export interface AdminEnv {
  Variables: AdminVariables;
}
