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
    name: z.string(),
    scopes: z.array(Scope),
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable().describe("Who made it (an actor), when recorded."),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso
      .datetime()
      .nullable()
      .describe("When it was last used (recorded at most once a minute per process)."),
  })
  .meta({ id: "ApiKey", description: "An API key as listed; its secret is never shown again." });

export const NewApiKey = z
  .object({
    name: z.string().trim().min(1).max(200).describe("What the key is for (who uses it)."),
    scopes: z.array(Scope).min(1).describe("`read` ⊂ `write` ⊂ `admin`."),
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
    id: z.number().int().positive(),
    at: z.iso.datetime(),
    actor: z.string().describe("Who: `user:<email>`, `key:<prefix>:<name>`, `cli:<os user>`."),
    action: z.enum(authActions),
    subject: z.string().describe("What: a key prefix, an account id, or the email tried."),
    address: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({
    id: "AuditEvent",
    description:
      "An event of the audit trail of access: sign-ins (and refused ones), sign-outs, keys created and revoked, accounts created, changed, disabled, enabled and reset.",
  });
