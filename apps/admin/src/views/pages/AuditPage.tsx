/**
 * @module AuditPage
 * The audit trail of access (admins only), newest first: sign-ins, refused sign-ins and
 * sign-outs, API keys created and revoked, accounts created, changed, disabled, enabled and
 * reset — who did it, when, from where.
 */
import type { AuthEvent } from "@care-atlas/auth";
import type { FC } from "hono/jsx";
import { EventsTable } from "../components/AccessEvents.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the audit page shows. */
export interface AuditData {
  readonly events: ReadonlyArray<AuthEvent>;
  /** The link to the next (older) page, when there is one. */
  readonly older: string | undefined;
}

/** The audit page. */
export const AuditPage: FC<{ ctx: ViewContext; data: AuditData }> = ({ ctx, data }) => (
  <Layout ctx={ctx} title="Audit trail" section="audit">
    <h1>Audit trail</h1>
    <p>
      Every sign-in (and refused sign-in), sign-out, and change to API keys and accounts, newest
      first. Changes to the register itself are in <a href={ctx.paths.changes()}>Changes</a>.
    </p>
    <EventsTable caption="Events" events={data.events} />
    {data.older !== undefined && (
      <p>
        <a href={data.older}>Older events</a>
      </p>
    )}
  </Layout>
);
