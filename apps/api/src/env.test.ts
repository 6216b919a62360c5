import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url)).replace(/\/$/, "");

describe("parseEnv", () => {
  it("defaults everything, with the PGlite data dir under the repo root", () => {
    const env = parseEnv({}, `${repoRoot}/apps/api`);
    expect(env).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: `${repoRoot}/.data/pglite`,
      readsRequireKey: false,
      logLevel: "info",
      corsOrigins: [],
      seed: true,
    });
  });

  it("reads every variable", () => {
    const env = parseEnv(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        DATABASE_URL: "postgres://postgres@127.0.0.1:5432/atlas",
        DATA_DIR: "/tmp/synthetic-atlas",
        READS_REQUIRE_KEY: "true",
        LOG_LEVEL: "WARN",
        CORS_ORIGINS: "https://a.example.invalid, https://b.example.invalid",
        SEED: "no",
      },
      "/",
    );
    expect(env).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: "postgres://postgres@127.0.0.1:5432/atlas",
      dataDir: "/tmp/synthetic-atlas",
      readsRequireKey: true,
      logLevel: "warn",
      corsOrigins: ["https://a.example.invalid", "https://b.example.invalid"],
      seed: false,
    });
  });

  it("names every bad variable", () => {
    try {
      parseEnv({
        PORT: "eighty",
        READS_REQUIRE_KEY: "maybe",
        DATABASE_URL: "mysql://x",
        LOG_LEVEL: "loud",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const variables = (error as EnvError).issues.map((issue) => issue.variable).sort();
      expect(variables).toEqual(["DATABASE_URL", "LOG_LEVEL", "PORT", "READS_REQUIRE_KEY"]);
      expect((error as EnvError).message).toContain('PORT: must be a whole number (got "eighty")');
    }
  });

  it("rejects an out-of-range port and a bad CORS origin", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseEnv({ CORS_ORIGINS: "not a url" })).toThrow(/CORS_ORIGINS/);
  });
});
