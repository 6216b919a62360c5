/**
 * @module runVerb
 * The one way the apps run a verb of the services: as an Effect on the services'
 * `ManagedRuntime` (so whatever the runtime provides — tracer, logger, the Register itself —
 * applies to every verb), answered at once when the verb needs no I/O (current reads come
 * from the in-memory read model) and when its I/O is done otherwise. Never run twice.
 *
 * The promise resolves with the verb's value or rejects with its failure: a service error
 * (recognise it with `isServiceError`, answer it with `errorInfo`) or, for a bug, the defect.
 */
import { Cause, type Effect, Exit, type ManagedRuntime, Option } from "effect";
import { Register, type RegisterShape } from "./Register.js";

/** A runtime that provides the Register (an app's `ManagedRuntime`). */
export type RegisterRuntime = Pick<ManagedRuntime.ManagedRuntime<Register, unknown>, "runCallback">;

/** The failure of a cause: its first typed error, else the squashed defect. */
const failureOf = (cause: Cause.Cause<unknown>): unknown => {
  const error = Cause.findErrorOption(cause);
  return Option.isSome(error) ? error.value : Cause.squash(cause);
};

/**
 * Runs `verb(register)` on the runtime.
 *
 * @example
 * ```ts
 * import { errorInfo, isServiceError, runVerb } from "@care-atlas/services";
 * // runtime: ManagedRuntime.make(Register.layer.pipe(Layer.provide(StoreService.layer({}))))
 * try {
 *   const place = await runVerb(runtime, (register) => register.getEntity("place", id));
 * } catch (error) {
 *   if (isServiceError(error)) errorInfo(error).status; // e.g. 404
 * }
 * ```
 */
export const runVerb = <A, E>(
  runtime: RegisterRuntime,
  verb: (register: RegisterShape) => Effect.Effect<A, E>,
): Promise<A> =>
  new Promise<A>((resolve, reject) => {
    runtime.runCallback(Register.use(verb), {
      onExit: (exit) => {
        if (Exit.isSuccess(exit)) resolve(exit.value);
        else reject(failureOf(exit.cause));
      },
    });
  });
