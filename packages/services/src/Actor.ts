/**
 * @module Actor
 * What kind of actor made a change, told from the change log's `actor` and `operation`
 * without naming anyone: an import (the seed, the CLI, an upload), an API key
 * (`key:<prefix>:<name>`), an admin account (`user:<email>`, or the email the admin app
 * records), or the system itself (anything else). Readers who may not see who changed what
 * are shown this instead of the actor.
 */
import { z } from "zod";

/** The kinds of actor. */
export const ActorKind = z.enum(["import", "api-key", "admin", "system"]).meta({
  id: "ActorKind",
  description:
    "What made the change: an import of published files, an API key, an admin account, or the system itself.",
});
export type ActorKind = z.infer<typeof ActorKind>;

/**
 * The kind of actor of a change-log entry.
 *
 * @example
 * ```ts
 * actorKindOf("key:q8iywlsz:Referral router", "update"); // "api-key"
 * actorKindOf("lead@example.nhs.uk", "end"); // "admin"
 * actorKindOf("care-atlas:start", "import"); // "import"
 * ```
 */
export const actorKindOf = (actor: string, operation: string): ActorKind => {
  if (operation === "import") return "import";
  if (actor.startsWith("key:")) return "api-key";
  if (actor.startsWith("user:") || actor.includes("@")) return "admin";
  return "system";
};
