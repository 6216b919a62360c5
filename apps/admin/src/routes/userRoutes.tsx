/**
 * @module userRoutes
 * Account management for admins: list accounts and add one (through `@care-atlas/auth`,
 * which hashes the password with scrypt; without a password, a one-time link to set it is
 * shown once), and per account: change its role, disable or enable it, issue a one-time
 * password-reset link. The last enabled admin cannot be demoted or disabled. Every change
 * is recorded in the audit trail as the signed-in admin.
 */
import { AuthInputError } from "@care-atlas/auth";
import type { Context, Hono } from "hono";
import { requireAdmin } from "../http/Access.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { fieldText } from "../http/FormBody.js";
import { page, seeOther } from "../http/Render.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { ErrorPage } from "../views/pages/ErrorPage.js";
import { type UserNotice, UserPage } from "../views/pages/UserPage.js";
import { type OneTimeLink, UsersPage } from "../views/pages/UsersPage.js";
import { actorOfAdmin, passwordLink } from "./accessHelpers.js";
import type { PageDeps } from "./PageDeps.js";

const fieldLabel: Record<string, string> = { email: "Email", password: "Password", role: "Role" };

const inputError = (error: AuthInputError): FieldError => {
  const message = error.message.slice(error.field.length + 2);
  return {
    fieldId: ["email", "role", "password"].includes(error.field) ? error.field : undefined,
    message: `${fieldLabel[error.field] ?? "The account"} ${message}`,
  };
};

const notices: ReadonlyArray<UserNotice> = ["role", "disabled", "enabled"];

/** Registers the user routes. */
export const registerUserRoutes = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  app.use("/users", requireAdmin);
  app.use("/users/*", requireAdmin);

  app.get("/users", async (c) => {
    const users = await deps.auth.listUsers();
    const added = c.req.query("added");
    return page(
      c,
      <UsersPage
        ctx={c.get("view")}
        data={{
          users,
          errors: [],
          email: "",
          role: "viewer",
          added: users.some((u) => u.email === added) ? added : undefined,
        }}
      />,
    );
  });

  app.post("/users", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const email = fieldText(body.email).trim();
    const role = fieldText(body.role);
    const password = fieldText(body.password);
    const errors: FieldError[] = [];
    if (email === "") errors.push({ fieldId: "email", message: "Enter an email address" });
    if (!["viewer", "editor", "admin"].includes(role))
      errors.push({ fieldId: "role", message: "Choose a role" });
    if (errors.length === 0) {
      try {
        const user = await deps.auth.createUser(
          { email, role, ...(password === "" ? {} : { password }) },
          actorOfAdmin(c, deps),
        );
        if (user.firstPassword === undefined) {
          return seeOther(c, deps.paths.users({ added: user.email }));
        }
        const link: OneTimeLink = {
          url: passwordLink(c, deps, user.firstPassword.token),
          expiresAt: user.firstPassword.expiresAt,
        };
        const users = await deps.auth.listUsers();
        return page(
          c,
          <UsersPage
            ctx={c.get("view")}
            data={{
              users,
              errors: [],
              email: "",
              role: "viewer",
              added: user.email,
              link: { email: user.email, ...link },
            }}
          />,
        );
      } catch (error) {
        if (!(error instanceof AuthInputError)) throw error;
        errors.push(inputError(error));
      }
    }
    const users = await deps.auth.listUsers();
    return page(
      c,
      <UsersPage ctx={c.get("view")} data={{ users, errors, email, role, added: undefined }} />,
      400,
    );
  });

  const accountPage = async (
    c: Context<AdminEnv>,
    id: string,
    extra: {
      errors?: FieldError[];
      notice?: UserNotice | undefined;
      link?: OneTimeLink;
      status?: 200 | 400;
    } = {},
  ) => {
    const account = await deps.auth.findUser(id);
    if (account === undefined || account.id !== id) {
      return page(
        c,
        <ErrorPage ctx={c.get("view")} title="Account not found">
          <p>There is no account {id}.</p>
        </ErrorPage>,
        404,
      );
    }
    const events = (await deps.auth.listEvents({ limit: 1000 }))
      .filter((event) => event.subject === account.id || event.actor === `user:${account.email}`)
      .slice(0, 20);
    return page(
      c,
      <UserPage
        ctx={c.get("view")}
        data={{
          account,
          events,
          errors: extra.errors ?? [],
          notice: extra.notice,
          link: extra.link,
          self: c.get("user")?.id === account.id,
        }}
      />,
      extra.status ?? 200,
    );
  };

  app.get("/users/:id", async (c) => {
    const done = c.req.query("done");
    return accountPage(c, c.req.param("id"), {
      notice: notices.find((notice) => notice === done),
    });
  });

  /** Runs a change to an account; an AuthInputError is shown on its page (400). */
  const change = async (
    c: Context<AdminEnv>,
    run: (id: string) => Promise<UserNotice>,
  ): Promise<Response> => {
    const id = c.req.param("id") ?? "";
    if ((await deps.auth.findUser(id))?.id !== id) return accountPage(c, id);
    try {
      const notice = await run(id);
      return seeOther(c, deps.paths.user(id, { done: notice }));
    } catch (error) {
      if (!(error instanceof AuthInputError)) throw error;
      return accountPage(c, id, { errors: [inputError(error)], status: 400 });
    }
  };

  app.post("/users/:id/role", async (c) => {
    const role = fieldText((await c.req.parseBody({ all: true })).role);
    if (!["viewer", "editor", "admin"].includes(role)) {
      return accountPage(c, c.req.param("id"), {
        errors: [{ fieldId: "role", message: "Choose a role" }],
        status: 400,
      });
    }
    return change(c, async (id) => {
      await deps.auth.setRole(id, role, actorOfAdmin(c, deps));
      return "role";
    });
  });

  app.post("/users/:id/disable", (c) =>
    change(c, async (id) => {
      await deps.auth.setDisabled(id, true, actorOfAdmin(c, deps));
      return "disabled";
    }),
  );

  app.post("/users/:id/enable", (c) =>
    change(c, async (id) => {
      await deps.auth.setDisabled(id, false, actorOfAdmin(c, deps));
      return "enabled";
    }),
  );

  app.post("/users/:id/reset-password", async (c) => {
    const id = c.req.param("id");
    if ((await deps.auth.findUser(id))?.id !== id) return accountPage(c, id);
    const reset = await deps.auth.issuePasswordReset(id, actorOfAdmin(c, deps));
    // Shown once, in this answer (never in a URL): the link is the secret.
    return accountPage(c, id, {
      link: { url: passwordLink(c, deps, reset.token), expiresAt: reset.expiresAt },
    });
  });
};
