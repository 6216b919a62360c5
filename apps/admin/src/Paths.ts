/**
 * @module Paths
 * Every URL the admin app links to, built from one configurable base path, so the app can
 * be mounted anywhere (`/admin` by default) and no view hard-codes a path.
 */

/** Query parameters: absent and empty values are left out. */
export type Query = Readonly<Record<string, string | number | undefined | null>>;

const withQuery = (path: string, query: Query | undefined): string => {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? path : `${path}?${text}`;
};

/**
 * Normalises a base path: a leading slash, no trailing slash; `/` and `` become ``.
 *
 * @example
 * ```ts
 * normaliseBasePath("admin/"); // "/admin"
 * ```
 */
export const normaliseBasePath = (basePath: string): string => {
  const trimmed = basePath.trim().replace(/\/+$/, "");
  if (trimmed === "") return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
};

/**
 * The URLs of the admin app under `basePath`.
 *
 * @example
 * ```ts
 * const paths = makePaths("/admin");
 * paths.organisation("org_0000000001"); // "/admin/organisations/org_0000000001"
 * ```
 */
export const makePaths = (basePath: string) => {
  const base = normaliseBasePath(basePath);
  const at = (path: string, query?: Query): string => withQuery(`${base}${path}`, query);
  return {
    base,
    /** Any path under the base, e.g. `at("/changes")`. */
    at,
    home: (query?: Query) => at("/", query),
    asset: (file: string) => at(`/assets/${file}`),
    signIn: (query?: Query) => at("/sign-in", query),
    signOut: () => at("/sign-out"),
    hierarchy: (query?: Query) => at("/hierarchy", query),
    map: (query?: Query) => at("/map", query),
    place: (id: string, query?: Query) => at(`/places/${id}`, query),
    neighbourhood: (id: string, query?: Query) => at(`/neighbourhoods/${id}`, query),
    team: (id: string, query?: Query) => at(`/teams/${id}`, query),
    organisations: (query?: Query) => at("/organisations", query),
    organisation: (id: string, query?: Query) => at(`/organisations/${id}`, query),
    collaboratives: (query?: Query) => at("/collaboratives", query),
    collaborative: (id: string, query?: Query) => at(`/collaboratives/${id}`, query),
    commissioning: (query?: Query) => at("/commissioning", query),
    pooledBudget: (id: string, query?: Query) => at(`/commissioning/budgets/${id}`, query),
    decisions: (query?: Query) => at("/commissioning/decisions", query),
    strategy: (query?: Query) => at("/strategy", query),
    findings: (query?: Query) => at("/findings", query),
    record: (id: string, query?: Query) => at(`/records/${id}`, query),
    history: (id: string, query?: Query) => at(`/records/${id}/history`, query),
    edit: (id: string, query?: Query) => at(`/records/${id}/edit`, query),
    end: (id: string) => at(`/records/${id}/end`),
    create: (kind: string) => at(`/new/${kind}`),
    newRecord: () => at("/new"),
    changes: (query?: Query) => at("/changes", query),
    users: (query?: Query) => at("/users", query),
    user: (id: string, query?: Query) => at(`/users/${id}`, query),
    userAction: (id: string, action: "role" | "disable" | "enable" | "reset-password") =>
      at(`/users/${id}/${action}`),
    keys: (query?: Query) => at("/keys", query),
    revokeKey: (prefix: string) => at(`/keys/${prefix}/revoke`),
    imports: () => at("/imports"),
    applyImport: (upload: string) => at(`/imports/${upload}/apply`),
    audit: (query?: Query) => at("/audit", query),
    setPassword: (query?: Query) => at("/set-password", query),
  };
};

/** The URLs of the admin app. */
export type Paths = ReturnType<typeof makePaths>;
