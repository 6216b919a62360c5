/**
 * The test suite's one read of the environment. `CARE_ATLAS_TEST_DATABASE_URL` is an admin
 * connection to a PostgreSQL server (`postgres://postgres@127.0.0.1:5432/postgres` in CI);
 * when set, every suite also runs against a fresh database created on that server.
 */
import { z } from "zod";

const Env = z.object({
  CARE_ATLAS_TEST_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" })
    .optional(),
});

export const env = Env.parse(process.env);
