/**
 * @module unavailable
 * A register that is not there: every verb fails with StoreUnavailable (503). Lets the
 * app be built without a database, e.g. to write the OpenAPI document.
 */
import { type RegisterShape, StoreUnavailable } from "@care-atlas/services";
import { Effect } from "effect";

const fail = (operation: string) =>
  Effect.fail(
    new StoreUnavailable({ operation, cause: undefined, message: "the register is not loaded" }),
  );

/** A register whose every verb fails with StoreUnavailable. */
export const unavailableRegister: RegisterShape = new Proxy({} as RegisterShape, {
  get(_target, property) {
    if (property === "dataVersion") return Effect.succeed(0);
    if (property === "readModel" || property === "refresh") return fail(String(property));
    return () => fail(String(property));
  },
});
