/**
 * The services' integration harness: a fresh, migrated store on each backend — PGlite in
 * memory, and, when CARE_ATLAS_TEST_DATABASE_URL is set, a new database on that server
 * (dropped afterwards) — and Registers over it.
 */
import { openStore, type Store } from "@care-atlas/store";
import { Effect, Layer } from "effect";
import postgres from "postgres";
import { Register, type RegisterOptions } from "../src/Register.js";
import { StoreService } from "../src/StoreService.js";
import { env } from "./env.js";
import { meta, syntheticPostcodes, syntheticSnapshot } from "./fixtures.js";

/** A fresh database. `store` is open; `open()` opens another connection (server only). */
export interface TestDatabase {
  readonly backend: "pglite" | "postgres";
  readonly store: Store;
  /** A second, independent store on the same database (a server), or the same store (PGlite in memory). */
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: "pglite" | "postgres";
  create(): Promise<TestDatabase>;
}

const pglite: Backend = {
  name: "pglite",
  async create() {
    const store = await openStore({});
    return {
      backend: "pglite",
      store,
      open: async () => store,
      dispose: () => store.close(),
    };
  },
};

const random = () => crypto.getRandomValues(new Uint32Array(2)).join("").slice(0, 12);

const server = (adminUrl: string): Backend => ({
  name: "postgres",
  async create() {
    const name = `care_atlas_services_test_${random()}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const opened: Store[] = [];
    const open = async () => {
      const store = await openStore({ databaseUrl });
      opened.push(store);
      return store;
    };
    const store = await open();
    return {
      backend: "postgres",
      store,
      open,
      dispose: async () => {
        for (const each of opened) await each.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  },
});

/** The backends this run tests: PGlite always, the server when configured. */
export const backends: Backend[] = [
  pglite,
  ...(env.CARE_ATLAS_TEST_DATABASE_URL ? [server(env.CARE_ATLAS_TEST_DATABASE_URL)] : []),
];

/** A Register on `store`; no polling unless asked (tests refresh or rely on writes). */
export const registerOn = (store: Store, options: Partial<RegisterOptions> = {}) =>
  Register.layerWith({ pollIntervalMs: 0, ...options }).pipe(
    Layer.provide(StoreService.fromStore(store)),
  );

/** A program that uses the Register in context. */
export const withRegister = <A, E>(
  f: (register: Register["Service"]) => Effect.Effect<A, E>,
): Effect.Effect<A, E, Register> =>
  Effect.gen(function* () {
    return yield* f(yield* Register);
  });

/** Runs a Register program on `store` outside a test (setup, benchmarks). */
export const runOn = <A, E>(
  store: Store,
  program: Effect.Effect<A, E, Register>,
  options: Partial<RegisterOptions> = {},
): Promise<A> => Effect.runPromise(Effect.provide(program, registerOn(store, options)));

/** Loads the synthetic fixture (with its postcodes) into `store`. */
export const seed = (store: Store) =>
  runOn(
    store,
    Effect.gen(function* () {
      const register = yield* Register;
      return yield* register.importSnapshot(syntheticSnapshot(), meta, {
        postcodes: syntheticPostcodes,
      });
    }),
  );

/**
 * A store that counts the calls made to it, by method name, for proving that a read did
 * not touch the database.
 */
export const countingStore = (store: Store) => {
  const calls = new Map<string, number>();
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      return (...args: unknown[]) => {
        calls.set(property, (calls.get(property) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store: counted,
    calls,
    total: () => [...calls.values()].reduce((sum, n) => sum + n, 0),
    reset: () => calls.clear(),
  };
};
