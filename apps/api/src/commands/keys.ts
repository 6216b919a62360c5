/**
 * @module keys
 * `keys create`, `keys list`, `keys revoke`: API keys (recorded in the audit trail as the
 * CLI's user). A revoked key is refused by every running process within a second.
 */
import { parseScopes } from "@care-atlas/auth";
import { defineCommand, UsageError } from "./Command.js";
import { table } from "./table.js";

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

export const keysCreate = defineCommand({
  name: ["keys", "create"],
  usage: "--name <name> --scopes <read,write,admin>",
  summary: "create an API key (printed once)",
  options: { name: { type: "string" }, scopes: { type: "string" } },
  run: async (context, { values }) => {
    const name = text(values.name);
    const scopesText = text(values.scopes);
    if (name === undefined) throw new UsageError("--name: required (what the key is for)");
    if (scopesText === undefined) throw new UsageError("--scopes: required, e.g. read,write");
    let scopes: string[];
    try {
      scopes = parseScopes(scopesText);
    } catch {
      throw new UsageError(`--scopes: "${scopesText}" must list read, write, admin and/or audit`);
    }
    const { key, info } = await context.auth.createKey({ name, scopes }, { actor: context.actor });
    return [
      `Created key ${info.prefix} "${info.name}" with scopes ${info.scopes.join(",")}.`,
      "The key is shown once; store it now:",
      "",
      key,
    ].join("\n");
  },
});

export const keysList = defineCommand({
  name: ["keys", "list"],
  usage: "",
  summary: "list API keys with when each was last used",
  run: async (context) =>
    table(
      (await context.auth.listKeys()).map((k) => ({
        prefix: k.prefix,
        name: k.name,
        scopes: k.scopes.join(","),
        created: k.createdAt,
        "last used": k.lastUsedAt ?? "never",
        revoked: k.revokedAt ?? "",
      })),
    ),
});

export const keysRevoke = defineCommand({
  name: ["keys", "revoke"],
  usage: "<prefix or key>",
  summary: "revoke an API key (refused everywhere within a second)",
  run: async (context, { positionals }) => {
    const [argument] = positionals;
    if (argument === undefined) throw new UsageError("keys revoke: give the key's prefix");
    return (await context.auth.revokeKey(argument, { actor: context.actor }))
      ? `Revoked ${argument.slice(0, 11)}…`
      : `No active key with prefix ${argument}`;
  },
});
