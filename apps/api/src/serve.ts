/**
 * @module serve
 * What `main.ts` runs, once the compile cache is on: reads the configuration, starts Care
 * Atlas on the embedded database (creating it and loading the GM dataset on first run) or
 * on DATABASE_URL, prints the URLs, and shuts down gracefully on SIGTERM / SIGINT.
 */
import { EnvError, loadEnv } from "./env.js";
import { createLogger } from "./logger.js";
import { startCareAtlas } from "./start.js";

const main = async (): Promise<void> => {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: env.logLevel });
  const atlas = await startCareAtlas(env, logger, { handleSignals: true });
  const admin = await atlas.admin;
  const lines = [
    "",
    `Care Atlas is running (${atlas.store.backend}${env.databaseUrl === undefined ? ` at ${env.dataDir}` : ""}; dataset ${atlas.seeded}; started in ${atlas.startupMs} ms)`,
    `  API       ${atlas.url}/v1/places`,
    `  API docs  ${atlas.url}/docs`,
    `  OpenAPI   ${atlas.url}/openapi.json`,
    `  Admin     ${admin ? `${atlas.url}/admin` : "(not installed)"}`,
    `  Health    ${atlas.url}/readyz`,
    ...(atlas.needsFirstAdmin
      ? [
          "",
          "No admin account yet. While this runs, make one in another terminal (it prints a",
          "one-time link to set the password):",
          "  pnpm --filter @care-atlas/api cli users create --email you@example.org --role admin",
        ]
      : []),
    "Press Ctrl+C to stop.",
    "",
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `Care Atlas failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
