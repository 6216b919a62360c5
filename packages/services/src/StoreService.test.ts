import { type Store, StoreConflict, StoreInvalidInput, StoreMoved } from "@care-atlas/store";
import { describe, expect, it } from "@effect/vitest";
import { Effect } from "effect";
import { applyChange, storeCall } from "./StoreService.js";

// A store whose apply rejects: the only method the mapping under test calls.
const rejecting = (error: unknown) => ({ apply: () => Promise.reject(error) }) as unknown as Store;
const change = {
  actor: "test",
  reason: "synthetic",
  operation: "update",
  entities: [],
  expectedSeq: 0,
};

describe("applyChange", () => {
  it.effect("maps a register that moved on since the check to RegisterMoved", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(applyChange(rejecting(new StoreMoved(4, 6)), change));
      expect(error._tag).toBe("RegisterMoved");
      if (error._tag === "RegisterMoved") expect([error.expected, error.actual]).toEqual([4, 6]);
    }),
  );

  it.effect("maps a revision mismatch to Conflict with expected and actual", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        applyChange(rejecting(new StoreConflict("org_synthconf01", 1, 2)), change),
      );
      expect(error._tag).toBe("Conflict");
      if (error._tag === "Conflict")
        expect([error.id, error.expected, error.actual]).toEqual(["org_synthconf01", 1, 2]);
    }),
  );

  it.effect("maps a write the store refuses as malformed to ValidationFailed", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        applyChange(rejecting(new StoreInvalidInput("versions overlap")), change),
      );
      expect(error._tag).toBe("ValidationFailed");
      expect(error.message).toBe("versions overlap");
    }),
  );

  it.effect("maps anything else to StoreUnavailable naming the operation", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        applyChange(rejecting(new Error("connection reset")), change),
      );
      expect(error._tag).toBe("StoreUnavailable");
      if (error._tag === "StoreUnavailable") expect(error.operation).toBe("apply");
    }),
  );
});

describe("storeCall", () => {
  it.effect("passes results through and turns a rejection into StoreUnavailable", () =>
    Effect.gen(function* () {
      expect(yield* storeCall("lastSeq", () => Promise.resolve(7))).toBe(7);
      const error = yield* Effect.flip(
        storeCall("lastSeq", () => Promise.reject(new Error("down"))),
      );
      expect([error._tag, error.operation, error.message]).toEqual([
        "StoreUnavailable",
        "lastSeq",
        "store lastSeq failed: down",
      ]);
    }),
  );
});
