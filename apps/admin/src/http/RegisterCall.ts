/**
 * @module RegisterCall
 * How handlers call the services: one Effect program over the `Register`, run on the
 * services' runtime, with the outcome as a plain value — the result, or the tagged error
 * (`NotFound`, `Conflict`, `ValidationFailed`, `Forbidden`, `StoreUnavailable`) for the
 * handler to map to a page. Defects (bugs) are rethrown for the error page.
 */
import { Register, type RegisterShape, type ServiceError } from "@care-atlas/services";
import { Cause, type Effect, Exit, Option } from "effect";

/** Runs Effect programs that need the Register (an app's `ManagedRuntime`). */
export interface RegisterRuntime {
  readonly runPromiseExit: <A, E>(
    effect: Effect.Effect<A, E, Register>,
  ) => Promise<Exit.Exit<A, unknown>>;
}

/** The outcome of a call: a value or a service error. */
export type Outcome<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly error: ServiceError };

const serviceTags = new Set([
  "NotFound",
  "Conflict",
  "ValidationFailed",
  "Forbidden",
  "StoreUnavailable",
]);

const isServiceError = (error: unknown): error is ServiceError =>
  typeof error === "object" &&
  error !== null &&
  "_tag" in error &&
  typeof (error as { _tag: unknown })._tag === "string" &&
  serviceTags.has((error as { _tag: string })._tag);

/**
 * Runs `program(register)` on the runtime.
 *
 * @example
 * ```ts
 * const outcome = await callRegister(runtime, (r) => r.getEntity("place", id));
 * if (!outcome.ok && outcome.error._tag === "NotFound") return notFoundPage();
 * ```
 */
export const callRegister = async <A, E extends ServiceError>(
  runtime: RegisterRuntime,
  program: (register: RegisterShape) => Effect.Effect<A, E>,
): Promise<Outcome<A>> => {
  const exit = await runtime.runPromiseExit(Register.use(program));
  if (Exit.isSuccess(exit)) return { ok: true, value: exit.value };
  const error = Cause.findErrorOption(exit.cause);
  if (Option.isSome(error) && isServiceError(error.value)) return { ok: false, error: error.value };
  throw Cause.squash(exit.cause);
};

/** Like {@link callRegister}, but any service error is thrown (for reads that must work). */
export const readRegister = async <A, E extends ServiceError>(
  runtime: RegisterRuntime,
  program: (register: RegisterShape) => Effect.Effect<A, E>,
): Promise<A> => {
  const outcome = await callRegister(runtime, program);
  if (outcome.ok) return outcome.value;
  throw new ServiceFailure(outcome.error);
};

/** A service error raised out of a handler, mapped to a page by the app's error handler. */
export class ServiceFailure extends Error {
  readonly error: ServiceError;
  constructor(error: ServiceError) {
    super(error.message);
    this.name = "ServiceFailure";
    this.error = error;
  }
}
