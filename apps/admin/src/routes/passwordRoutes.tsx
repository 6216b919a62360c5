/**
 * @module passwordRoutes
 * `/set-password?token=…`: the page a one-time link opens (from an admin, or printed by the
 * CLI for a new account or a reset). No sign-in: the token is the proof, and works once.
 * The token travels in the query and the form, never in the path (which access logs
 * record), and the page sends no referrer (`createAdminApp` sets its policy).
 */
import { AuthInputError } from "@care-atlas/auth";
import type { Hono } from "hono";
import type { AdminAuth } from "../AdminDeps.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { fieldText } from "../http/FormBody.js";
import { page, seeOther } from "../http/Render.js";
import type { Paths } from "../Paths.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { SetPasswordPage } from "../views/pages/SetPasswordPage.js";

/** What the password routes need. */
export interface PasswordRouteDeps {
  readonly auth: Pick<AdminAuth, "passwordResetUser" | "resetPassword">;
  readonly paths: Paths;
  readonly clientAddress: (request: Request, env: unknown) => string | undefined;
}

/** Registers GET/POST /set-password. */
export const registerPasswordRoutes = (app: Hono<AdminEnv>, deps: PasswordRouteDeps): void => {
  app.get("/set-password", async (c) => {
    const token = c.req.query("token") ?? "";
    const user = await deps.auth.passwordResetUser(token);
    return page(
      c,
      <SetPasswordPage ctx={c.get("view")} data={{ token, email: user?.email, errors: [] }} />,
      user === undefined ? 404 : 200,
    );
  });

  app.post("/set-password", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const token = fieldText(body.token);
    const password = fieldText(body.password);
    const confirm = fieldText(body.confirm);
    const user = await deps.auth.passwordResetUser(token);
    const errors: FieldError[] = [];
    if (user !== undefined) {
      if (password === "") errors.push({ fieldId: "password", message: "Enter a password" });
      else if (password !== confirm) {
        errors.push({ fieldId: "confirm", message: "Type the same password again" });
      }
      if (errors.length === 0) {
        try {
          await deps.auth.resetPassword(token, password, deps.clientAddress(c.req.raw, c.env));
          return seeOther(c, deps.paths.signIn({ passwordSet: 1 }));
        } catch (error) {
          if (!(error instanceof AuthInputError)) throw error;
          if (error.field === "password") {
            errors.push({
              fieldId: "password",
              message: `Password ${error.message.slice("password: ".length)}`,
            });
          }
        }
      }
    }
    // The link stopped working (used, expired, replaced) before or while it was sent.
    const still = errors.length > 0 ? user : undefined;
    return page(
      c,
      <SetPasswordPage ctx={c.get("view")} data={{ token, email: still?.email, errors }} />,
      still === undefined ? 404 : 400,
    );
  });
};
