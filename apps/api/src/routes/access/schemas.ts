/**
 * @module access/schemas
 * The shapes of the access routes: API keys as listed (never their secret) and events of
 * the audit trail of access.
 */
import { authActions, Scope } from "@care-atlas/auth";
import { z } from "zod";

export const ApiKey = z
  .object({
    prefix: z.string().describe("The key's public prefix: `ca_<prefix>_…`."),
    name: z.string().describe("What the key is for (who uses it)."),
    scopes: z
      .array(Scope)
      .describe(
        "What it may do: `read` ⊂ `write` ⊂ `admin`, and `audit` (who and why in the feed).",
      ),
    createdAt: z.iso.datetime().describe("When it was made."),
    createdBy: z.string().nullable().describe("Who made it (an actor), when recorded."),
    revokedAt: z.iso.datetime().nullable().describe("When it was revoked; null while it works."),
    lastUsedAt: z.iso
      .datetime()
      .nullable()
      .describe("When it was last used (recorded at most once a minute per process)."),
  })
  .meta({ id: "ApiKey", description: "An API key as listed; its secret is never shown again." });

export const NewApiKey = z
  .object({
    name: z.string().trim().min(1).max(200).describe("What the key is for (who uses it)."),
    scopes: z
      .array(Scope)
      .min(1)
      .describe("`read` ⊂ `write` ⊂ `admin`, and `audit` (who made each change and why)."),
  })
  .meta({ id: "NewApiKey" });

export const CreatedApiKey = z
  .object({
    data: ApiKey,
    key: z.string().describe("The whole key, shown this once: store it now."),
  })
  .meta({ id: "CreatedApiKey" });

export const AuditEvent = z
  .object({
    id: z.number().int().positive().describe("The event's number: later events have larger ones."),
    at: z.iso.datetime().describe("When it happened."),
    actor: z.string().describe("Who: `user:<email>`, `key:<prefix>:<name>`, `cli:<os user>`."),
    action: z
      .enum(authActions)
      .describe("What happened, as `<thing>.<event>` (e.g. `key.revoked`, `user.signed-in`)."),
    subject: z.string().describe("What: a key prefix, an account id, or the email tried."),
    address: z
      .string()
      .nullable()
      .describe("The client address the request came from, when there was one."),
    detail: z
      .record(z.string(), z.unknown())
      .describe("What else the event records (a key's name and scopes, an account's new role…)."),
  })
  .meta({
    id: "AuditEvent",
    description:
      "An event of the audit trail of access: sign-ins (and refused ones), sign-outs, keys created and revoked, accounts created, changed, disabled, enabled and reset.",
  });
