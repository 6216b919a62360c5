/**
 * @module fhir/lastUpdated
 * When each record was last recorded (`meta.lastUpdated`, `_lastUpdated`): the change log
 * walked once per data version (the services' `changes` verb, 1,000 at a time) into a map
 * of id → the time of its latest change.
 */
import { type RegisterRuntime, runVerb } from "@care-atlas/services";
import { Effect } from "effect";

/** A function answering the map for the current data version (rebuilt when it moves on). */
export const lastUpdatedOf = (runtime: RegisterRuntime) => {
  let cached: { readonly version: number; readonly map: ReadonlyMap<string, string> } | undefined;
  return async (): Promise<ReadonlyMap<string, string>> => {
    const version = await runVerb(runtime, (register) => register.dataVersion);
    if (cached?.version === version) return cached.map;
    const map = await runVerb(runtime, (register) =>
      Effect.gen(function* () {
        const times = new Map<string, string>();
        let after = 0;
        for (;;) {
          const page = yield* register.changes({ after, limit: 1000 });
          for (const change of page.changes) {
            if (change.kind !== "reference") {
              times.set(change.id, new Date(change.recordedAt).toISOString());
            }
          }
          if (page.changes.length === 0 || page.next >= page.lastSeq) break;
          after = page.next;
        }
        return times;
      }),
    );
    cached = { version, map };
    return map;
  };
};
