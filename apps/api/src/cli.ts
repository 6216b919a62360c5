/**
 * @module cli
 * The command line: `pnpm --filter @care-atlas/api cli <command>` (see commands.ts). Opens
 * the same database as the server (DATABASE_URL, or the embedded one in DATA_DIR; an
 * embedded database is open in one process at a time: stop the server first).
 */
import { AuthInputError, createAuthStore } from "@care-atlas/auth";
import { openStore } from "@care-atlas/store";
import { authClientOf } from "./authDatabase.js";
import { runCommand, UsageError, usage } from "./commands.js";
import { EnvError, loadEnv } from "./env.js";

const main = async (): Promise<number> => {
  const env = loadEnv();
  const store = await openStore(
    env.databaseUrl === undefined ? { dataDir: env.dataDir } : { databaseUrl: env.databaseUrl },
  );
  try {
    process.stdout.write(
      `${await runCommand(createAuthStore(authClientOf(store)), process.argv.slice(2))}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof AuthInputError ||
      error instanceof EnvError
    ) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    const text = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(text)) {
      process.stderr.write(
        `${text}\nThe embedded database is open in another process (the server?): stop it first, or use DATABASE_URL.\n`,
      );
      process.exit(1);
    }
    if (
      error instanceof TypeError &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`${error.message}\n${usage}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? text) : text}\n`);
    process.exit(1);
  },
);
