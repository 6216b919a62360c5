/**
 * @module accessHelpers
 * What the access pages share: who an admin's change is recorded as (and from where), and
 * the one-time link of a password reset.
 */
import type { AuthActor } from "@care-atlas/auth";
import type { Context } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import type { PageDeps } from "./PageDeps.js";

/** The signed-in admin as the actor of a change to access, with the client's address. */
export const actorOfAdmin = (c: Context<AdminEnv>, deps: PageDeps): AuthActor => {
  const user = c.get("user");
  const address = deps.clientAddress(c.req.raw, c.env);
  return {
    actor: user === undefined ? "user:unknown" : `user:${user.email}`,
    ...(address === undefined || address === "" ? {} : { address }),
  };
};

/** The one-time link of a password reset token. */
export const passwordLink = (c: Context<AdminEnv>, deps: PageDeps, token: string): string => {
  const origin = deps.publicUrl?.().replace(/\/$/, "") ?? new URL(c.req.url).origin;
  return `${origin}${deps.paths.setPassword({ token })}`;
};
