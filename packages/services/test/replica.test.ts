/**
 * A Register on a store with a replica (a streaming standby): the model is built and
 * refreshed from the replica; a change the primary announced but the replica has not
 * replayed yet is fetched from the primary after a short wait; a replica that fails is
 * passed over for the primary; read-your-writes returns the version asked for or a clear
 * error, never a stale model. The replica here is the same database behind a reader that
 * can be held back (lag) or made to fail.
 */
import type { Store, StoreReader } from "@care-atlas/store";
import { describe, expect, it } from "@effect/vitest";
import { Layer, ManagedRuntime } from "effect";
import { afterAll, beforeAll } from "vitest";
import { replicaPatienceMs } from "../src/internal/live.js";
import { Register } from "../src/Register.js";
import { runVerb } from "../src/runVerb.js";
import { StoreService } from "../src/StoreService.js";
import { meta, otherOrganisation } from "./fixtures.js";
import { backends, seed, type TestDatabase } from "./harness.js";

/** A replica of `store` that shows nothing after `held` (when set) and can be made to fail. */
const controllableReplica = (store: Store) => {
  const state: { held: number | undefined; failing: boolean } = { held: undefined, failing: false };
  const guard = <A>(read: () => Promise<A>): Promise<A> =>
    state.failing ? Promise.reject(new Error("replica is down (synthetic)")) : read();
  const cap = (seq: number) => (state.held === undefined ? seq : Math.min(seq, state.held));
  const reader: StoreReader = {
    role: "replica",
    lastSeq: () => guard(async () => cap(await store.lastSeq())),
    seqAt: (asOf) => guard(async () => cap(await store.seqAt(asOf))),
    current: () =>
      guard(async () => {
        if (state.held !== undefined) throw new Error("a held-back replica is not read whole here");
        return store.current();
      }),
    historyAsOf: (seq, filter) => guard(() => store.historyAsOf(seq, filter)),
    changes: (after, limit) =>
      guard(async () => (await store.changes(after, limit)).filter((c) => c.seq === cap(c.seq))),
    referenceAt: (seq) => guard(() => store.referenceAt(seq === undefined ? seq : cap(seq))),
    lastReferenceSeq: (seq) =>
      guard(() => store.lastReferenceSeq(seq === undefined ? seq : cap(seq))),
    lsoas: () => guard(() => store.lsoas()),
    postcodes: () => guard(() => store.postcodes()),
    assignments: () => guard(() => store.assignments()),
    sources: () => guard(() => store.sources()),
  };
  const withReplica = new Proxy(store, {
    get: (target, property, receiver) =>
      property === "replica" ? reader : Reflect.get(target, property, receiver),
  });
  return { store: withReplica, state };
};

const waitFor = async (condition: () => boolean, ms: number): Promise<number> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - started;
};

describe.each(backends)("a Register with a replica on $name", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
    await seed(db.store);
  });
  afterAll(() => db.dispose());

  const runtimeOn = (store: Store) =>
    ManagedRuntime.make(
      Register.layerWith({ pollIntervalMs: 200 }).pipe(
        Layer.provide(StoreService.fromStore(store)),
      ),
    );

  it("builds from the replica, and fetches what the replica lags behind from the primary", async () => {
    const replica = controllableReplica(db.store);
    const reader = runtimeOn(replica.store);
    const writer = runtimeOn(await db.open());
    try {
      const status = await runVerb(reader, (r) => r.status);
      expect(status.replica).toBe("ok");
      // The replica stops replaying; a write through another Register.
      replica.state.held = await db.store.lastSeq();
      const written = await runVerb(writer, (r) =>
        r.createEntity("organisation", otherOrganisation("org_synthlag01", "Synthetic Lag"), meta),
      );
      const took = await waitFor(() => dataVersionOf(reader) >= written.dataVersion, 3000);
      // Not before the replica had its chance (unless the poll came first), not much after.
      expect(took).toBeLessThan(replicaPatienceMs + 1000);
      // Read-your-writes: a version the model holds is answered at once.
      expect(await runVerb(reader, (r) => r.awaitDataVersion(written.dataVersion))).toBe(
        written.dataVersion,
      );
    } finally {
      replica.state.held = undefined;
      await reader.dispose();
      await writer.dispose();
    }
  });

  it("read-your-writes catches up at once, and refuses a version that does not exist", async () => {
    const replica = controllableReplica(db.store);
    // No polling, no notifications heard in time: only the request makes it catch up.
    const reader = ManagedRuntime.make(
      Register.layerWith({ pollIntervalMs: 0 }).pipe(
        Layer.provide(
          StoreService.fromStore(
            new Proxy(replica.store, {
              get: (target, property, receiver) =>
                property === "listen" ? undefined : Reflect.get(target, property, receiver),
            }),
          ),
        ),
      ),
    );
    const writer = runtimeOn(await db.open());
    try {
      const before = await runVerb(reader, (r) => r.dataVersion);
      replica.state.held = before;
      const written = await runVerb(writer, (r) =>
        r.createEntity("organisation", otherOrganisation("org_synthryw01", "Synthetic RYW"), meta),
      );
      expect(await runVerb(reader, (r) => r.dataVersion)).toBe(before);
      expect(await runVerb(reader, (r) => r.awaitDataVersion(written.dataVersion))).toBe(
        written.dataVersion,
      );
      const entity = await runVerb(reader, (r) => r.getEntity("organisation", "org_synthryw01"));
      expect(entity.version.name).toBe("Synthetic RYW");
      await expect(
        runVerb(reader, (r) => r.awaitDataVersion(written.dataVersion + 1000)),
      ).rejects.toMatchObject({ _tag: "ValidationFailed", about: "input" });
      await expect(runVerb(reader, (r) => r.awaitDataVersion(-1))).rejects.toMatchObject({
        _tag: "ValidationFailed",
      });
    } finally {
      replica.state.held = undefined;
      await reader.dispose();
      await writer.dispose();
    }
  });

  it("passes a failing replica over for the primary, and says so", async () => {
    const replica = controllableReplica(db.store);
    const reader = runtimeOn(replica.store);
    const writer = runtimeOn(await db.open());
    try {
      await runVerb(reader, (r) => r.dataVersion);
      replica.state.failing = true;
      const written = await runVerb(writer, (r) =>
        r.createEntity("organisation", otherOrganisation("org_synthdown1", "Synthetic Down"), meta),
      );
      await waitFor(() => dataVersionOf(reader) >= written.dataVersion, 3000);
      const status = await runVerb(reader, (r) => r.status);
      expect(status.replica).toMatch(/replica is down/);
      expect(status.lastError).toBeUndefined();
      // Back: used again.
      replica.state.failing = false;
      await runVerb(reader, (r) => r.refresh);
      expect((await runVerb(reader, (r) => r.status)).replica).toBe("ok");
    } finally {
      await reader.dispose();
      await writer.dispose();
    }
  });
});

/** The data version of a runtime's Register, synchronously (no I/O). */
const dataVersionOf = (runtime: ManagedRuntime.ManagedRuntime<Register, unknown>): number =>
  runtime.runSync(Register.use((register) => register.dataVersion));
