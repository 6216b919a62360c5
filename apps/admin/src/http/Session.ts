/**
 * @module Session
 * The admin session: an HttpOnly, SameSite=Strict cookie holding the session token from
 * `@care-atlas/auth` (Secure, and `__Host-` prefixed, when served over HTTPS), looked up on
 * every request; before sign-in, a random pre-session cookie that binds the sign-in form's
 * CSRF token. Every POST must carry the CSRF token of its session (checked here, before any
 * handler runs) and must not come from another site (`Sec-Fetch-Site`).
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CsrfTokens } from "../security/Csrf.js";
import { newPreSession } from "../security/Csrf.js";
import { csrfFieldName } from "../views/components/CsrfField.js";
import type { ViewUser } from "../views/ViewContext.js";
import type { AdminEnv } from "./AdminEnv.js";

/** What the session needs from the accounts store (`@care-atlas/auth`'s AuthStore). */
export interface SessionAuth {
  sessionUser(
    token: string,
  ): Promise<{ id: string; email: string; role: ViewUser["role"] } | undefined>;
}

/** Cookie settings. */
export interface SessionCookies {
  /** Whether to mark cookies Secure: always, never, or when the request came over HTTPS. */
  readonly secure: "auto" | boolean;
  /** Trust `X-Forwarded-Proto` from a proxy in front of the app (for `auto`). */
  readonly trustProxy: boolean;
}

/** The cookie names: `__Host-` prefixed (Secure, Path=/, no Domain) over HTTPS. */
export const cookieNames = (secure: boolean) =>
  secure
    ? { session: "__Host-care-atlas-admin", pre: "__Host-care-atlas-admin-pre" }
    : { session: "care-atlas-admin", pre: "care-atlas-admin-pre" };

/** Whether this request's cookies should be Secure. */
export const isSecure = (c: Context, settings: SessionCookies): boolean => {
  if (settings.secure !== "auto") return settings.secure;
  if (new URL(c.req.url).protocol === "https:") return true;
  return (
    settings.trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
};

const cookieOptions = (secure: boolean, maxAge?: number) => ({
  path: "/",
  httpOnly: true,
  secure,
  sameSite: "Strict" as const,
  ...(maxAge === undefined ? {} : { maxAge }),
});

/** Sets the session cookie (after sign-in) and clears the pre-session. */
export const startSession = (
  c: Context,
  settings: SessionCookies,
  token: string,
  expiresAt: string,
): void => {
  const secure = isSecure(c, settings);
  const names = cookieNames(secure);
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  setCookie(c, names.session, token, cookieOptions(secure, maxAge));
  deleteCookie(c, names.pre, cookieOptions(secure));
};

/** Clears the session cookie (sign-out). */
export const endSession = (c: Context, settings: SessionCookies): void => {
  const secure = isSecure(c, settings);
  deleteCookie(c, cookieNames(secure).session, cookieOptions(secure));
};

const tokenPattern = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Finds the signed-in account (if any), issues the CSRF token for this session or
 * pre-session, and refuses a POST whose token is missing or wrong with 403.
 */
export const session = (
  auth: SessionAuth,
  csrf: CsrfTokens,
  settings: SessionCookies,
  refuse: (c: Context<AdminEnv>, reason: "csrf" | "cross-site") => Response | Promise<Response>,
): MiddlewareHandler<AdminEnv> =>
  async function sessionMiddleware(c, next) {
    const secure = isSecure(c, settings);
    const names = cookieNames(secure);
    const token = getCookie(c, names.session);
    let user: ViewUser | undefined;
    if (token !== undefined && tokenPattern.test(token)) {
      const found = await auth.sessionUser(token);
      if (found !== undefined) user = { id: found.id, email: found.email, role: found.role };
    }
    let binding: string;
    if (user !== undefined && token !== undefined) {
      binding = `session:${token}`;
    } else {
      let pre = getCookie(c, names.pre);
      if (pre === undefined || !tokenPattern.test(pre)) {
        pre = newPreSession();
        setCookie(c, names.pre, pre, cookieOptions(secure));
      }
      binding = `pre:${pre}`;
      if (token !== undefined) deleteCookie(c, names.session, cookieOptions(secure));
    }
    c.set("user", user);
    c.set("sessionToken", user === undefined ? undefined : token);
    const csrfToken = csrf.issue(binding);
    c.set("view", { ...c.get("view"), user, csrfToken });

    if (c.req.method === "POST") {
      if (c.req.header("sec-fetch-site") === "cross-site") return refuse(c, "cross-site");
      const contentType = c.req.header("content-type") ?? "";
      let presented = c.req.header("x-csrf-token");
      if (
        presented === undefined &&
        (contentType.startsWith("application/x-www-form-urlencoded") ||
          contentType.startsWith("multipart/form-data"))
      ) {
        // Always parse with `all: true`: Hono caches the first parse for the handlers.
        const body = await c.req.parseBody({ all: true });
        const field = body[csrfFieldName];
        presented = typeof field === "string" ? field : undefined;
      }
      if (!csrf.verify(binding, presented)) return refuse(c, "csrf");
    }
    await next();
  };
