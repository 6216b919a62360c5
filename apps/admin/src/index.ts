/**
 * @module @care-atlas/admin
 * The Care Atlas admin web app: server-rendered pages in the NHS design system to browse,
 * correct and audit the register. Build it with `createAdminApp(deps)` and serve it (or let
 * the API mount it: its routes live under the base path, `/admin` by default).
 */

export { adminCsp, createAdminApp } from "./AdminApp.js";
export type { AdminAuth, AdminDeps, AdminLogger, Boundaries } from "./AdminDeps.js";
export {
  type ServiceErrorReport,
  serviceErrorReport,
} from "./http/ServiceErrorPage.js";
export { cookieNames } from "./http/Session.js";
