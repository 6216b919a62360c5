/**
 * A server connection killed under a transaction fails that transaction with
 * `CONNECTION_CLOSED` and leaves the process running. postgres.js 3.4.9 defers small writes
 * to a timer and, when the socket closed meanwhile, throws from that timer — an uncaught
 * exception that ends the process (a primary restart took an API process down this way).
 * The project patches the driver (`patches/postgres@3.4.9.patch`); without the patch this
 * test fails with an unhandled error.
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresJs } from "../src/driver/postgresJs.js";
import type { Sql } from "../src/driver/Sql.js";
import { env } from "./env.js";

const url = env.CARE_ATLAS_TEST_DATABASE_URL;

describe.skipIf(url === undefined)("a server connection killed under a transaction", () => {
  let sql: Sql;
  let admin: postgres.Sql;

  beforeAll(async () => {
    sql = await openPostgresJs(url ?? "", { poolSize: 2, applicationName: "care-atlas-loss" });
    admin = postgres(url ?? "", { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await sql?.close();
    await admin?.end({ timeout: 1 });
  });

  it("rejects with CONNECTION_CLOSED, every time, and the pool serves again after", async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 5; round++) {
      try {
        await sql.transaction(async (tx) => {
          const [row] = await tx.query<{ pid: number }>("select pg_backend_pid() as pid");
          await admin`select pg_terminate_backend(${row?.pid ?? 0})`;
          await new Promise((resolve) => setTimeout(resolve, 20));
          await tx.query("select 1");
        });
        outcomes.push("committed");
      } catch (error) {
        outcomes.push(String((error as { code?: unknown }).code ?? error));
      }
    }
    expect(outcomes).toEqual(Array.from({ length: 5 }, () => "CONNECTION_CLOSED"));
    // The pool may report the loss once more (a connection it had not yet seen close), then
    // serves again.
    const answers: string[] = [];
    for (let attempt = 0; attempt < 5 && answers.at(-1) !== "1"; attempt++) {
      try {
        const [row] = await sql.query<{ one: number }>("select 1 as one");
        answers.push(String(row?.one));
      } catch (error) {
        answers.push(String((error as { code?: unknown }).code ?? error));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(answers.at(-1)).toBe("1");
    expect(answers.length).toBeLessThanOrEqual(2);
  });
});
