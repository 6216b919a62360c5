/**
 * @module ViewContext
 * What every page needs besides its own data: the URLs, the asset names, who is signed in
 * and the CSRF token for the forms on the page. Views are pure functions of this and their
 * data, so they render the same way in a request, a unit test and a benchmark.
 */
import type { Paths } from "../Paths.js";

/** A role of an admin account: viewers read, editors edit, admins also manage users. */
export type Role = "viewer" | "editor" | "admin";

/** The signed-in account, as the views see it. */
export interface ViewUser {
  readonly id: string;
  readonly email: string;
  readonly name?: string | undefined;
  readonly role: Role;
}

/** The asset file names the layout links to. */
export interface ViewAssets {
  readonly stylesheet: string;
  readonly script: string;
  readonly favicon: string;
  readonly faviconSvg: string;
}

/** The sections of the header navigation. */
export type Section =
  | "dashboard"
  | "hierarchy"
  | "map"
  | "organisations"
  | "collaboratives"
  | "commissioning"
  | "strategy"
  | "changes"
  | "users"
  | "keys"
  | "audit"
  | "imports"
  | "none";

/** Everything a page needs besides its own data. */
export interface ViewContext {
  readonly paths: Paths;
  readonly assets: ViewAssets;
  readonly user: ViewUser | undefined;
  /** The token every POST form carries (empty only in views that have no form). */
  readonly csrfToken: string;
  /** "Today" for the page (the default `validAt`). */
  readonly today: string;
}

/** Whether a role may change register data. */
export const canEdit = (user: ViewUser | undefined): boolean =>
  user !== undefined && (user.role === "editor" || user.role === "admin");

/** Whether a role may manage admin accounts. */
export const canManageUsers = (user: ViewUser | undefined): boolean => user?.role === "admin";
