/**
 * @module AdminDeps
 * What the admin app needs from the process that runs it: the services' runtime, the
 * accounts store, where the boundaries are, and the few settings of its own.
 */
import type { AuthStore } from "@care-atlas/auth";
import type { RegisterRuntime } from "@care-atlas/services";
import type { SignInThrottleOptions } from "./security/SignInThrottle.js";

/** The account operations the admin uses (a subset of `@care-atlas/auth`'s `AuthStore`). */
export type AdminAuth = Pick<
  AuthStore,
  | "verifyLogin"
  | "createSession"
  | "sessionUser"
  | "deleteSession"
  | "listUsers"
  | "createUser"
  | "findUser"
  | "setRole"
  | "setDisabled"
  | "issuePasswordReset"
  | "passwordResetUser"
  | "resetPassword"
  | "recordEvent"
  | "listEvents"
  | "createKey"
  | "listKeys"
  | "revokeKey"
>;

/** Reports unexpected errors (the API's logger has this shape). */
export interface AdminLogger {
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The boundary files the map draws (GeoJSON, WGS84), already parsed. */
export interface Boundaries {
  /** Local authority districts (the places), e.g. ONS LAD "super generalised". */
  readonly places: unknown;
  /** LSOAs 2021 (the building blocks of neighbourhood footprints). */
  readonly lsoas: unknown;
}

/**
 * The admin app's dependencies.
 *
 * @example
 * ```ts
 * const admin = createAdminApp({ runtime, auth: createAuthStore(db), basePath: "/admin" });
 * ```
 */
export interface AdminDeps {
  /** The services' runtime (an app's `ManagedRuntime`, providing the `Register`): verbs run on it. */
  readonly runtime: RegisterRuntime;
  /** Admin accounts and sessions. */
  readonly auth: AdminAuth;
  /** Where the app is mounted; every link is under it. Default `/admin`. */
  readonly basePath?: string;
  /** Mark cookies Secure: always, never, or `auto` (when the request came over HTTPS). */
  readonly secureCookies?: "auto" | boolean;
  /** Trust `X-Forwarded-Proto` / `X-Forwarded-For` from a proxy in front of the app. */
  readonly trustProxy?: boolean;
  /**
   * The key CSRF tokens are signed with (16+ bytes). Default: random per process, so tokens
   * of open forms stop working after a restart; give a shared one to run several replicas.
   */
  readonly csrfSecret?: string | Uint8Array;
  /** The boundaries for the map, or a loader; default: `@care-atlas/data`'s generated files. */
  readonly boundaries?: Boundaries | (() => Promise<Boundaries | undefined>);
  /** The client's address, for throttling sign-in; default: the socket's remote address. */
  readonly clientAddress?: (request: Request, env: unknown) => string | undefined;
  /** Sign-in throttling limits. */
  readonly throttle?: SignInThrottleOptions;
  /** The largest file the import page takes, in bytes (default 64 MiB; other forms: 512 KiB). */
  readonly importLimitBytes?: number;
  /** Today's date (YYYY-MM-DD), for the default `validAt`. */
  readonly today?: () => string;
  /** Where unexpected errors are reported (default: the console). */
  readonly logger?: AdminLogger;
  /**
   * The URL users reach the service at, for one-time links shown to admins (default: the
   * origin of the request).
   */
  readonly publicUrl?: () => string;
}
