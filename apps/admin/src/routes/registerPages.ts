/**
 * @module registerPages
 * Registers every page route of the admin app (the ones behind sign-in).
 */
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { registerBrowseRoutes } from "./browseRoutes.js";
import { registerCommissioningRoutes } from "./commissioningRoutes.js";
import { registerDirectoryRoutes } from "./directoryRoutes.js";
import { registerEditRoutes } from "./editRoutes.js";
import { atlasLoader, type PageDeps } from "./PageDeps.js";
import { registerRecordRoutes } from "./recordRoutes.js";
import { registerUserRoutes } from "./userRoutes.js";

/** Registers the page routes. */
export const registerPages = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const atlas = atlasLoader(deps);
  registerBrowseRoutes(app, deps, atlas);
  registerDirectoryRoutes(app, deps);
  registerCommissioningRoutes(app, deps);
  // Edit routes first: their role checks guard /records/:id/edit and /records/:id/end.
  registerEditRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerUserRoutes(app, deps);
};
