/**
 * @module deps
 * What the /v1 routes need: the services' runtime and the read access policy.
 */

/** The register port the routes call (filled in when the services land). */
export type RegisterPort = unknown;

/** What `registerV1` needs. */
export interface RouteDeps {
  readonly register: RegisterPort;
  readonly readsRequireKey: boolean;
}
