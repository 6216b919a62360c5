/**
 * @module commands
 * The CLI's commands (see cli.ts). Manage API keys and admin accounts:
 *
 *   pnpm --filter @care-atlas/api cli keys create --name "Dashboard" --scopes read,write
 *   pnpm --filter @care-atlas/api cli keys list
 *   pnpm --filter @care-atlas/api cli keys revoke <prefix>
 *   pnpm --filter @care-atlas/api cli users create --email a@b.nhs.uk --role admin --password-stdin
 *   pnpm --filter @care-atlas/api cli users list
 *
 * It opens the same database as the server (DATABASE_URL, or the embedded one in DATA_DIR;
 * an embedded database can be open in one process at a time: stop the server first).
 */
import { parseArgs } from "node:util";
import { type AuthStore, parseScopes } from "@care-atlas/auth";

/** The CLI's usage text. */
export const usage = `Usage:
  cli keys create --name <name> --scopes <read,write,admin>
  cli keys list
  cli keys revoke <prefix or key>
  cli users create --email <email> --role <viewer|editor|admin> [--password-stdin]
  cli users list`;

/** Bad command-line input, naming the field. */
export class UsageError extends Error {}

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
};

const table = (rows: ReadonlyArray<Record<string, string>>): string => {
  if (rows.length === 0) return "(none)";
  const columns = Object.keys(rows[0] ?? {});
  const width = (column: string) =>
    Math.max(column.length, ...rows.map((row) => (row[column] ?? "").length));
  const line = (cells: Record<string, string>) =>
    columns.map((column) => (cells[column] ?? "").padEnd(width(column))).join("  ");
  return [line(Object.fromEntries(columns.map((c) => [c, c]))), ...rows.map(line)].join("\n");
};

/** Runs one command; returns what to print. */
export const runCommand = async (auth: AuthStore, argv: ReadonlyArray<string>): Promise<string> => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: "string" },
      scopes: { type: "string" },
      email: { type: "string" },
      role: { type: "string" },
      "password-stdin": { type: "boolean" },
      password: { type: "string" },
    },
  });
  const [noun, verb, argument] = positionals;
  const command = `${noun ?? ""} ${verb ?? ""}`.trim();
  switch (command) {
    case "keys create": {
      if (values.name === undefined) throw new UsageError("--name: required (what the key is for)");
      if (values.scopes === undefined) throw new UsageError("--scopes: required, e.g. read,write");
      let scopes: string[];
      try {
        scopes = parseScopes(values.scopes);
      } catch {
        throw new UsageError(`--scopes: "${values.scopes}" must list read, write and/or admin`);
      }
      const { key, info } = await auth.createKey({ name: values.name, scopes });
      return [
        `Created key ${info.prefix} "${info.name}" with scopes ${info.scopes.join(",")}.`,
        "The key is shown once; store it now:",
        "",
        key,
      ].join("\n");
    }
    case "keys list":
      return table(
        (await auth.listKeys()).map((k) => ({
          prefix: k.prefix,
          name: k.name,
          scopes: k.scopes.join(","),
          created: k.createdAt,
          revoked: k.revokedAt ?? "",
        })),
      );
    case "keys revoke": {
      if (argument === undefined) throw new UsageError("keys revoke: give the key's prefix");
      return (await auth.revokeKey(argument))
        ? `Revoked ${argument.slice(0, 11)}…`
        : `No active key with prefix ${argument}`;
    }
    case "users create": {
      if (values.email === undefined) throw new UsageError("--email: required");
      if (values.role === undefined)
        throw new UsageError("--role: required: viewer, editor or admin");
      if (values.password !== undefined) {
        throw new UsageError("--password: not accepted on the command line; use --password-stdin");
      }
      const password = await readStdin();
      if (password === "")
        throw new UsageError("password: send it on standard input (--password-stdin)");
      const user = await auth.createUser({ email: values.email, role: values.role, password });
      return `Created ${user.role} account ${user.email} (${user.id}).`;
    }
    case "users list":
      return table(
        (await auth.listUsers()).map((u) => ({
          id: u.id,
          email: u.email,
          role: u.role,
          created: u.createdAt,
          disabled: u.disabledAt ?? "",
        })),
      );
    default:
      throw new UsageError(command === "" ? usage : `unknown command "${command}"\n${usage}`);
  }
};
