/**
 * @module registerPages
 * Registers every page route of the admin app (the ones behind sign-in).
 */
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { registerBrowseRoutes } from "./browseRoutes.js";
import { atlasLoader, type PageDeps } from "./PageDeps.js";

/** Registers the page routes. */
export const registerPages = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const atlas = atlasLoader(deps);
  registerBrowseRoutes(app, deps, atlas);
};
