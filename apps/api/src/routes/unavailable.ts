/**
 * @module unavailable
 * Services that are not there: every verb fails with StoreUnavailable (503). Lets the app be
 * built without a database, e.g. to write the OpenAPI document.
 */
import { Register, type RegisterShape, StoreUnavailable } from "@care-atlas/services";
import { Effect, Layer, ManagedRuntime } from "effect";

const fail = (operation: string) =>
  Effect.fail(
    new StoreUnavailable({ operation, cause: undefined, message: "the register is not loaded" }),
  );

/** A register whose every verb fails with StoreUnavailable (its data version is 0). */
const unavailableRegister: RegisterShape = new Proxy({} as RegisterShape, {
  get(_target, property) {
    if (property === "dataVersion") return Effect.succeed(0);
    if (property === "status") {
      return Effect.succeed({
        dataVersion: 0,
        replica: "none",
        lastError: "the register is not loaded",
      });
    }
    if (property === "refresh") return fail("refresh");
    return () => fail(String(property));
  },
});

/** A runtime providing the unavailable register. */
export const unavailableRuntime = () =>
  ManagedRuntime.make(Layer.succeed(Register, unavailableRegister));
