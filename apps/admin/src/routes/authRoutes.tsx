/**
 * @module authRoutes
 * Sign-in and sign-out. Sign-in is throttled per account and per client address before any
 * password is checked; failures say the same thing whether or not the account exists.
 */
import type { Hono } from "hono";
import type { AdminAuth, AdminLogger } from "../AdminDeps.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { fieldText } from "../http/FormBody.js";
import { page, seeOther } from "../http/Render.js";
import { endSession, type SessionCookies, startSession } from "../http/Session.js";
import type { Paths } from "../Paths.js";
import type { SignInThrottle } from "../security/SignInThrottle.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { SignInPage } from "../views/pages/SignInPage.js";

/** What the auth routes need. */
export interface AuthRouteDeps {
  readonly auth: AdminAuth;
  readonly throttle: SignInThrottle;
  readonly cookies: SessionCookies;
  readonly paths: Paths;
  readonly clientAddress: (request: Request, env: unknown) => string | undefined;
  readonly logger: AdminLogger;
}

/** A safe place to go after signing in: a path under the app, never another site. */
export const safeNext = (paths: Paths, next: unknown): string => {
  if (typeof next !== "string") return paths.home();
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return paths.home();
  if (paths.base !== "" && next !== paths.base && !next.startsWith(`${paths.base}/`))
    return paths.home();
  if (next.startsWith(paths.signIn())) return paths.home();
  return next;
};

const minutes = (ms: number): string => {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? "1 minute" : `${n} minutes`;
};

/** Registers GET/POST sign-in and POST sign-out. */
export const registerAuthRoutes = (app: Hono<AdminEnv>, deps: AuthRouteDeps): void => {
  const { auth, throttle, cookies, paths } = deps;
  // The audit trail of sign-ins: a failure to record one is reported, not the user's problem.
  const record = async (event: Parameters<AdminAuth["recordEvent"]>[0]) => {
    try {
      await auth.recordEvent({ ...event, address: event.address || undefined });
    } catch (error) {
      deps.logger.error("admin: a sign-in event could not be recorded", { error });
    }
  };

  app.get("/sign-in", (c) => {
    if (c.get("user") !== undefined) return seeOther(c, safeNext(paths, c.req.query("next")));
    return page(
      c,
      <SignInPage
        ctx={c.get("view")}
        data={{
          email: "",
          errors: [],
          next: safeNext(paths, c.req.query("next")),
          signedOut: c.req.query("signedOut") === "1",
          passwordSet: c.req.query("passwordSet") === "1",
        }}
      />,
    );
  });

  app.post("/sign-in", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const email = fieldText(body.email).trim();
    const password = fieldText(body.password);
    const next = safeNext(paths, body.next);
    const errors: FieldError[] = [];
    if (email === "") errors.push({ fieldId: "email", message: "Enter your email address" });
    if (password === "") errors.push({ fieldId: "password", message: "Enter your password" });
    const render = (status: 400 | 401 | 429, list: FieldError[]) =>
      page(c, <SignInPage ctx={c.get("view")} data={{ email, errors: list, next }} />, status);
    if (errors.length > 0) return render(400, errors);

    const address = deps.clientAddress(c.req.raw, c.env) ?? "";
    const decision = throttle.check(email, address);
    if (!decision.allowed) {
      c.header("Retry-After", String(Math.ceil(decision.retryAfterMs / 1000)));
      return render(429, [
        {
          fieldId: "email",
          message: `Too many failed attempts to sign in. Wait ${minutes(decision.retryAfterMs)} and try again.`,
        },
      ]);
    }
    const user = await auth.verifyLogin(email, password);
    if (user === undefined) {
      throttle.failure(email, address);
      await record({ action: "session.refused", actor: email, subject: email, address });
      return render(401, [
        { fieldId: "email", message: "Enter a correct email address and password" },
      ]);
    }
    throttle.success(email);
    const session = await auth.createSession(user.id);
    await record({
      action: "session.started",
      actor: `user:${user.email}`,
      subject: user.id,
      address,
    });
    startSession(c, cookies, session.token, session.expiresAt);
    return seeOther(c, next);
  });

  app.post("/sign-out", async (c) => {
    const token = c.get("sessionToken");
    const user = c.get("user");
    if (token !== undefined) await auth.deleteSession(token);
    if (user !== undefined) {
      await record({
        action: "session.ended",
        actor: `user:${user.email}`,
        subject: user.id,
        address: deps.clientAddress(c.req.raw, c.env) ?? "",
      });
    }
    endSession(c, cookies);
    return seeOther(c, paths.signIn({ signedOut: 1 }));
  });
};
