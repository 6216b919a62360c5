/**
 * @module PageDeps
 * What the page routes need: the app's dependencies, its URLs and today's date, and the
 * map atlas (loaded once, on first use).
 */
import type { AdminDeps } from "../AdminDeps.js";
import { Atlas } from "../map/Atlas.js";
import { dataPackageBoundaries } from "../map/loadBoundaries.js";
import type { Paths } from "../Paths.js";

/** The dependencies of the page routes. */
export interface PageDeps extends AdminDeps {
  readonly paths: Paths;
  readonly today: () => string;
  /** The client's address of a request (for the audit trail). */
  readonly clientAddress: (request: Request, env: unknown) => string | undefined;
}

/** Loads the atlas once (undefined when no boundaries are available). */
export const atlasLoader = (deps: AdminDeps): (() => Promise<Atlas | undefined>) => {
  let loading: Promise<Atlas | undefined> | undefined;
  return () => {
    loading ??= (async () => {
      const source = deps.boundaries;
      const boundaries =
        source === undefined
          ? await dataPackageBoundaries()
          : typeof source === "function"
            ? await source()
            : source;
      return boundaries === undefined
        ? undefined
        : Atlas.fromGeoJson(boundaries.places, boundaries.lsoas);
    })().catch((error: unknown) => {
      (deps.logger ?? console).error("admin: the map boundaries could not be read", { error });
      return undefined;
    });
    return loading;
  };
};
