/**
 * The test suite's one read of the environment. `CARE_ATLAS_TEST_DATABASE_URL` is an admin
 * connection to a PostgreSQL server; when set, every suite also runs on a fresh database
 * created there.
 */
import { z } from "zod";

const Env = z.object({
  CARE_ATLAS_TEST_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" })
    .optional(),
});

export const env = Env.parse(process.env);
