/**
 * @module userRoutes
 * Account management for admins: list accounts and add one (through `@care-atlas/auth`,
 * which hashes the password with scrypt).
 */
import { AuthInputError } from "@care-atlas/auth";
import type { Hono } from "hono";
import { requireAdmin } from "../http/Access.js";
import type { AdminEnv } from "../http/AdminEnv.js";
import { fieldText } from "../http/FormBody.js";
import { page, seeOther } from "../http/Render.js";
import type { FieldError } from "../views/components/ErrorSummary.js";
import { UsersPage } from "../views/pages/UsersPage.js";
import type { PageDeps } from "./PageDeps.js";

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
    if (password === "") errors.push({ fieldId: "password", message: "Enter a password" });
    if (errors.length === 0) {
      try {
        const user = await deps.auth.createUser({ email, password, role });
        return seeOther(c, `${deps.paths.users()}?added=${encodeURIComponent(user.email)}`);
      } catch (error) {
        if (!(error instanceof AuthInputError)) throw error;
        const message = error.message.slice(error.field.length + 2);
        errors.push({
          fieldId: ["email", "role", "password"].includes(error.field) ? error.field : undefined,
          message: `${error.field === "email" ? "Email" : error.field === "password" ? "Password" : "Role"} ${message}`,
        });
      }
    }
    const users = await deps.auth.listUsers();
    return page(
      c,
      <UsersPage ctx={c.get("view")} data={{ users, errors, email, role, added: undefined }} />,
      400,
    );
  });
};
