/**
 * @module registerPages
 * Registers every page route of the admin app (the ones behind sign-in).
 */
import type { Hono } from "hono";
import type { AdminEnv } from "../http/AdminEnv.js";
import { registerAuditRoutes } from "./auditRoutes.js";
import { registerCommissioningRoutes } from "./commissioningRoutes.js";
import { registerCreateRoutes } from "./createRoutes.js";
import { registerDashboardRoutes } from "./dashboardRoutes.js";
import { registerDirectoryRoutes } from "./directoryRoutes.js";
import { registerEditRoutes } from "./editRoutes.js";
import { registerEndRoutes } from "./endRoutes.js";
import { registerFindingsRoutes } from "./findingsRoutes.js";
import { registerHierarchyRoutes } from "./hierarchyRoutes.js";
import { registerImportRoutes } from "./importRoutes.js";
import { registerKeyRoutes } from "./keyRoutes.js";
import { registerMapRoutes } from "./mapRoutes.js";
import { registerNeighbourhoodRoutes } from "./neighbourhoodRoutes.js";
import { atlasLoader, type PageDeps } from "./PageDeps.js";
import { registerPlaceRoutes } from "./placeRoutes.js";
import { registerRecordRoutes } from "./recordRoutes.js";
import { registerTeamRoutes } from "./teamRoutes.js";
import { registerUserRoutes } from "./userRoutes.js";

/** Registers the page routes. */
export const registerPages = (app: Hono<AdminEnv>, deps: PageDeps): void => {
  const atlas = atlasLoader(deps);
  registerDashboardRoutes(app, deps);
  registerFindingsRoutes(app, deps);
  registerHierarchyRoutes(app, deps);
  registerMapRoutes(app, deps, atlas);
  registerPlaceRoutes(app, deps, atlas);
  registerNeighbourhoodRoutes(app, deps, atlas);
  registerTeamRoutes(app, deps);
  registerDirectoryRoutes(app, deps);
  registerCommissioningRoutes(app, deps);
  registerEditRoutes(app, deps);
  registerCreateRoutes(app, deps);
  registerEndRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerKeyRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerImportRoutes(app, deps);
};
