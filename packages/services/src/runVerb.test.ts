import { Effect, Layer, ManagedRuntime, Tracer } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import { NotFound } from "./errors.js";
import { Register, type RegisterShape } from "./Register.js";
import { runVerb } from "./runVerb.js";

// A Register that answers from constants, with a tracer that records span names: enough
// to see how a verb is run, without a store.
let calls = 0;
const spans: string[] = [];
const register = {
  dataVersion: Effect.sync(() => {
    calls++;
    return 7;
  }),
  refresh: Effect.sleep(5).pipe(Effect.as(8)),
  getEntity: () =>
    Effect.fail(new NotFound({ what: "place", key: "plc_0000000001", message: "no place" })),
  hierarchy: () => Effect.die(new Error("a bug")),
  checkRules: () => Effect.succeed(1).pipe(Effect.withSpan("Register.checkRules")),
} as unknown as RegisterShape; // only the verbs these tests call
const tracer = Tracer.make({
  span: (options) => {
    spans.push(options.name);
    return Tracer.nativeTracer.span(options);
  },
});
const runtime = ManagedRuntime.make(
  Layer.mergeAll(Layer.succeed(Register, register), Layer.succeed(Tracer.Tracer, tracer)),
);
afterAll(() => runtime.dispose());

describe("runVerb", () => {
  it("resolves with the verb's value, running it once", async () => {
    calls = 0;
    await expect(runVerb(runtime, (r) => r.dataVersion)).resolves.toBe(7);
    expect(calls).toBe(1);
  });

  it("waits for a verb that does I/O", async () => {
    await expect(runVerb(runtime, (r) => r.refresh)).resolves.toBe(8);
  });

  it("rejects with the service error itself, and with a defect as thrown", async () => {
    const failure = await runVerb(runtime, (r) => r.getEntity("place", "plc_0000000001")).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(NotFound);
    await expect(runVerb(runtime, (r) => r.hierarchy())).rejects.toThrow("a bug");
  });

  it("runs on the runtime, so the runtime's tracer sees the verb's spans", async () => {
    spans.length = 0;
    await runVerb(runtime, (r) => r.checkRules());
    expect(spans).toContain("Register.checkRules");
  });
});
