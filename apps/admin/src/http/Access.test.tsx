import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { makePaths } from "../Paths.js";
import type { ViewUser } from "../views/ViewContext.js";
import { requireAdmin, requireEditor } from "./Access.js";
import type { AdminEnv } from "./AdminEnv.js";

const accounts = {
  viewer: { id: "usr_synthetic1", email: "synthetic.viewer@example.org", role: "viewer" },
  editor: { id: "usr_synthetic2", email: "synthetic.editor@example.org", role: "editor" },
  admin: { id: "usr_synthetic3", email: "synthetic.admin@example.org", role: "admin" },
} as const satisfies Record<string, ViewUser>;

/** An app with the routes behind the checks, and the user the session would have found. */
const appAs = (user: ViewUser | undefined) => {
  const app = new Hono<AdminEnv>();
  app.use(async (c, next) => {
    c.set("user", user);
    c.set("view", {
      paths: makePaths("/admin"),
      assets: { stylesheet: "a.css", script: "a.js", favicon: "f.ico", faviconSvg: "f.svg" },
      user,
      csrfToken: "",
      today: "2026-12-01",
    });
    await next();
  });
  app.post("/write", requireEditor, (c) => c.text(`written as ${c.get("editor").email}`));
  app.get("/accounts", requireAdmin, (c) => c.text("accounts"));
  return app;
};

describe("requireEditor", () => {
  it("answers 401 without a signed-in account: nothing is written in nobody's name", async () => {
    const response = await appAs(undefined).request("/write", { method: "POST" });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Sign in to continue");
  });

  it("answers 403 to a viewer", async () => {
    const response = await appAs(accounts.viewer).request("/write", { method: "POST" });
    expect(response.status).toBe(403);
  });

  it("lets editors and admins through, as themselves", async () => {
    for (const user of [accounts.editor, accounts.admin]) {
      const response = await appAs(user).request("/write", { method: "POST" });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(`written as ${user.email}`);
    }
  });
});

describe("requireAdmin", () => {
  it("answers 401 without an account, 403 to viewers and editors, and lets admins through", async () => {
    expect((await appAs(undefined).request("/accounts")).status).toBe(401);
    expect((await appAs(accounts.viewer).request("/accounts")).status).toBe(403);
    expect((await appAs(accounts.editor).request("/accounts")).status).toBe(403);
    expect((await appAs(accounts.admin).request("/accounts")).status).toBe(200);
  });
});
