/**
 * @module UserPage
 * One admin account (admins only): its role and status, and what an admin can do to it —
 * change its role, disable or enable it, issue a one-time link to reset its password — with
 * its recent events in the audit trail.
 */
import type { AuthEvent } from "@care-atlas/auth";
import type { FC } from "hono/jsx";
import { EventsTable } from "../components/AccessEvents.js";
import { CsrfField } from "../components/CsrfField.js";
import { Banner, formatTimestamp, SummaryList } from "../components/Display.js";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.js";
import { Radios } from "../components/Fields.js";
import { OneTimeSecret } from "../components/OneTimeSecret.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";
import { type OneTimeLink, roleText, statusText, type UserRow } from "./UsersPage.js";

/** What happened, to say so at the top of the page. */
export type UserNotice = "role" | "disabled" | "enabled";

/** What the account page shows. */
export interface UserData {
  readonly account: UserRow;
  readonly events: ReadonlyArray<AuthEvent>;
  readonly errors: ReadonlyArray<FieldError>;
  readonly notice?: UserNotice | undefined;
  /** A password-reset link just issued (shown once). */
  readonly link?: OneTimeLink | undefined;
  /** Whether this is the signed-in admin's own account. */
  readonly self: boolean;
}

const noticeText: Record<UserNotice, (account: UserRow) => string> = {
  role: (account) =>
    `${account.email} is now ${/^[aeiou]/.test(account.role) ? "an" : "a"} ${account.role}.`,
  disabled: (account) => `${account.email} is disabled: it cannot sign in, and its sessions ended.`,
  enabled: (account) => `${account.email} is enabled again.`,
};

/** The account page. */
export const UserPage: FC<{ ctx: ViewContext; data: UserData }> = ({ ctx, data }) => {
  const { account } = data;
  const errorOf = (id: string) => data.errors.find((e) => e.fieldId === id)?.message;
  return (
    <Layout ctx={ctx} title={account.email} section="users" hasErrors={data.errors.length > 0}>
      {data.link !== undefined && (
        <OneTimeSecret
          heading={`A one-time password link for ${account.email}`}
          secret={data.link.url}
        >
          <p>
            Give it to {account.email} by a secure route. It works once, until{" "}
            {formatTimestamp(data.link.expiresAt)}; earlier links stopped working. It is not shown
            again.
          </p>
        </OneTimeSecret>
      )}
      {data.notice !== undefined && (
        <Banner title="Success" success>
          <p class="nhsuk-notification-banner__heading">{noticeText[data.notice](account)}</p>
        </Banner>
      )}
      <ErrorSummary errors={data.errors} />
      <p>
        <a href={ctx.paths.users()}>All accounts</a>
      </p>
      <h1>{account.email}</h1>
      <SummaryList
        rows={[
          { key: "Role", value: roleText[account.role] },
          { key: "Status", value: statusText(account) },
          { key: "Added", value: formatTimestamp(account.createdAt) },
        ]}
      />

      <h2>Change the role</h2>
      <form action={ctx.paths.userAction(account.id, "role")} method="post" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Radios
          id="role"
          name="role"
          label="Role"
          value={account.role}
          error={errorOf("role")}
          options={(["viewer", "editor", "admin"] as const).map((role) => ({
            value: role,
            text: roleText[role],
          }))}
        />
        <button
          class="nhsuk-button nhsuk-button--secondary"
          data-module="nhsuk-button"
          type="submit"
        >
          Change role
        </button>
      </form>

      <h2>Access</h2>
      {account.disabledAt === null ? (
        <form action={ctx.paths.userAction(account.id, "disable")} method="post" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <p>
            {data.self
              ? "This is your own account: disabling it signs you out."
              : "A disabled account cannot sign in, and its sessions end at once."}
          </p>
          <button
            class="nhsuk-button nhsuk-button--warning"
            data-module="nhsuk-button"
            type="submit"
          >
            Disable account
          </button>
        </form>
      ) : (
        <form action={ctx.paths.userAction(account.id, "enable")} method="post" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <button
            class="nhsuk-button nhsuk-button--secondary"
            data-module="nhsuk-button"
            type="submit"
          >
            Enable account
          </button>
        </form>
      )}
      <form action={ctx.paths.userAction(account.id, "reset-password")} method="post" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <p>
          A one-time link lets the account's owner set a new password (for 24 hours); their sessions
          end when they use it.
        </p>
        <button
          class="nhsuk-button nhsuk-button--secondary"
          data-module="nhsuk-button"
          type="submit"
        >
          Issue a password reset link
        </button>
      </form>

      <EventsTable caption="Recent events of this account" events={data.events} />
    </Layout>
  );
};
