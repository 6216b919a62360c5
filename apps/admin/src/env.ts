/**
 * @module env
 * The admin app's environment, read and checked in one place (zod), for the standalone dev
 * server (`src/main.ts`) and the browser tests. The app itself takes its settings as
 * arguments (`createAdminApp(deps)`); when the API mounts it, the API's env applies.
 */
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const Env = z.object({
  ADMIN_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  ADMIN_HOST: z.string().min(1).default("127.0.0.1"),
  ADMIN_BASE_PATH: z.string().default("/admin"),
  /** The embedded database directory (PGlite); auth tables live in `<DATA_DIR>-auth`. */
  DATA_DIR: z.string().min(1).default(".data/admin-dev"),
  ADMIN_CSRF_SECRET: z.string().min(16).optional(),
  ADMIN_SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  ADMIN_TRUST_PROXY: flag.default(false),
  /** Creates this admin on first start when there is no account yet (development only). */
  ADMIN_BOOTSTRAP_EMAIL: z.email().optional(),
  ADMIN_BOOTSTRAP_PASSWORD: z.string().min(12).optional(),
  /** The Chromium the browser tests drive (default: Debian's). */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
});

/** The checked environment. */
export type AdminEnvironment = z.infer<typeof Env>;

/** A bad environment variable, named. */
export class EnvError extends Error {
  constructor(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
    super(
      `invalid environment: ${issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`).join("; ")}`,
    );
    this.name = "EnvError";
  }
}

/**
 * Reads the environment (default: `process.env`).
 *
 * @example
 * ```ts
 * readEnv({ ADMIN_PORT: "0" }).ADMIN_PORT; // 0
 * ```
 */
export const readEnv = (
  source: Record<string, string | undefined> = process.env,
): AdminEnvironment => {
  const parsed = Env.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues);
  return parsed.data;
};
