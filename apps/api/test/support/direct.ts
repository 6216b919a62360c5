/**
 * What the multi-process tests do straight on the database, beside the API processes: make
 * API keys (as the CLI would), and check the register's rules and change log with the
 * services themselves.
 */
import { createAuthStore, type Scope } from "@care-atlas/auth";
import { type Change, entityChanges, Register, runVerb, StoreService } from "@care-atlas/services";
import { openStore } from "@care-atlas/store";
import { Layer, ManagedRuntime } from "effect";
import { authClientOf } from "../../src/authDatabase.js";

/** Makes an API key with the scopes in the database at `databaseUrl`. */
export const makeKey = async (
  databaseUrl: string,
  scopes: ReadonlyArray<Scope>,
  name = "Synthetic cluster test key",
): Promise<{ key: string; prefix: string }> => {
  const store = await openStore({ databaseUrl, poolSize: 1 });
  try {
    const { key, info } = await createAuthStore(authClientOf(store)).createKey(
      { name, scopes },
      { actor: "test:cluster" },
    );
    return { key, prefix: info.prefix };
  } finally {
    await store.close();
  }
};

/**
 * The register's error findings and its whole change log of entities, read afresh from the
 * database.
 */
export const inspect = async (
  options: { databaseUrl: string } | { dataDir: string },
): Promise<{ errors: ReadonlyArray<{ rule: string; message: string }>; log: Change[] }> => {
  const store = await openStore(options);
  const runtime = ManagedRuntime.make(
    Register.layerWith({ pollIntervalMs: 0 }).pipe(Layer.provide(StoreService.fromStore(store))),
  );
  try {
    const rules = await runVerb(runtime, (register) => register.checkRules());
    const log = entityChanges(await store.changes(0, 1_000_000));
    return {
      errors: rules.findings
        .filter((finding) => finding.severity === "error")
        .map(({ rule, message }) => ({ rule, message })),
      log,
    };
  } finally {
    await runtime.dispose();
    await store.close();
  }
};
