/**
 * @module env
 * The national build's configuration, read from the environment in this one place and
 * validated once. A bad value stops the build with a message naming the variable.
 */
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((text) => (text === "" ? undefined : text))
  .optional();

const EnvSchema = z.object({
  /** A PostgreSQL server database to load (it must be empty); else PGlite in NATIONAL_DATA_DIR. */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" })
      .optional(),
  ),
  /** The PGlite data directory to load (default: out/pglite). */
  NATIONAL_DATA_DIR: optionalText,
  /** Where the generated files and the report go (default: the package's out/). */
  NATIONAL_OUT_DIR: optionalText,
  /** Rows of the synthetic postcode directory (default 2,700,000). */
  NATIONAL_POSTCODES: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, { error: "must be a whole number" })
      .transform(Number)
      .pipe(z.number().int().min(1).max(5_000_000))
      .optional(),
  ),
  /** The seed of the synthetic postcodes (default 20241025). */
  NATIONAL_SEED: optionalText.pipe(
    z.string().regex(/^\d+$/, { error: "must be a whole number" }).transform(Number).optional(),
  ),
});

/** The validated configuration. */
export interface NationalEnv {
  readonly databaseUrl: string | undefined;
  readonly dataDir: string | undefined;
  readonly outDir: string | undefined;
  readonly postcodes: number;
  readonly seed: number;
}

/** Reads and validates the environment; throws one line naming each bad variable. */
export const readEnv = (source: Record<string, string | undefined>): NationalEnv => {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(
      result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  const env = result.data;
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: env.NATIONAL_DATA_DIR,
    outDir: env.NATIONAL_OUT_DIR,
    postcodes: env.NATIONAL_POSTCODES ?? 2_700_000,
    seed: env.NATIONAL_SEED ?? 20_241_025,
  };
};

/** The configuration of this process's environment. */
export const loadEnv = (): NationalEnv => readEnv(process.env);
