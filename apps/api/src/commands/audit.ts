/**
 * @module audit
 * `audit`: the newest events of the audit trail of access (sign-ins, refused sign-ins,
 * sign-outs, key and account changes).
 */
import { defineCommand, UsageError } from "./Command.js";
import { table } from "./table.js";

export const audit = defineCommand({
  name: ["audit"],
  usage: "[--limit <n>]",
  summary: "show the newest events of the audit trail of access",
  options: { limit: { type: "string" } },
  run: async (context, { values }) => {
    const raw = typeof values.limit === "string" ? values.limit : "50";
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1000) {
      throw new UsageError(`--limit: "${raw}" must be a whole number from 1 to 1000`);
    }
    return table(
      (await context.auth.listEvents({ limit: Number(raw) })).map((event) => ({
        at: event.at,
        action: event.action,
        actor: event.actor,
        subject: event.subject,
        address: event.address ?? "",
      })),
    );
  },
});
