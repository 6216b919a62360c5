/**
 * @module AccessEvents
 * The audit trail of access as people read it: what each event means, in words, and a
 * table of events.
 */
import type { AuthEvent } from "@care-atlas/auth";
import type { FC } from "hono/jsx";
import { formatTimestamp, Table } from "./Display.js";

const detailText = (event: AuthEvent, key: string): string => {
  const value = event.detail[key];
  return typeof value === "string" ? value : "";
};

/** What an event says, in a sentence. */
export const eventText = (event: AuthEvent): string => {
  const email = detailText(event, "email");
  switch (event.action) {
    case "session.started":
      return "Signed in";
    case "session.ended":
      return "Signed out";
    case "session.refused":
      return "Sign-in refused (wrong email or password)";
    case "key.created":
      return `Created API key ${event.subject} "${detailText(event, "name")}" (${detailText(event, "scopes")})`;
    case "key.revoked":
      return `Revoked API key ${event.subject} "${detailText(event, "name")}"`;
    case "user.created":
      return `Created the ${detailText(event, "role")} account ${email}`;
    case "user.role-changed":
      return `Changed ${email} from ${detailText(event, "from")} to ${detailText(event, "to")}`;
    case "user.disabled":
      return `Disabled ${email}`;
    case "user.enabled":
      return `Enabled ${email}`;
    case "user.reset-issued":
      return `Issued a one-time password link for ${email}`;
    case "user.password-set":
      return `${email} set a new password with a one-time link`;
  }
};

/** A table of audit events, newest first. */
export const EventsTable: FC<{ caption: string; events: ReadonlyArray<AuthEvent> }> = ({
  caption,
  events,
}) => (
  <Table
    caption={caption}
    empty="No events."
    columns={[
      { header: "When", cell: (e: AuthEvent) => formatTimestamp(e.at) },
      { header: "What", cell: (e: AuthEvent) => eventText(e) },
      { header: "Who", cell: (e: AuthEvent) => e.actor },
      { header: "From", cell: (e: AuthEvent) => e.address ?? "" },
    ]}
    rows={events}
  />
);
