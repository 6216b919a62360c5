/**
 * @module UsersPage
 * Admin accounts (admins only): who has access and with what role, and a form to add one —
 * with a password, or with a one-time link the person uses to set their own.
 */
import type { FC } from "hono/jsx";
import { CsrfField } from "../components/CsrfField.js";
import { Banner, formatTimestamp, Table } from "../components/Display.js";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.js";
import { Radios, TextInput } from "../components/Fields.js";
import { OneTimeSecret } from "../components/OneTimeSecret.js";
import { Layout } from "../Layout.js";
import type { Role, ViewContext } from "../ViewContext.js";

/** An account as listed. */
export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** A one-time link to show once. */
export interface OneTimeLink {
  readonly url: string;
  readonly expiresAt: string;
}

/** What the users page shows. */
export interface UsersData {
  readonly users: ReadonlyArray<UserRow>;
  readonly errors: ReadonlyArray<FieldError>;
  readonly email: string;
  readonly role: string;
  readonly added: string | undefined;
  /** The account just added without a password, and its one-time link (shown once). */
  readonly link?: { readonly email: string } & OneTimeLink;
}

/** What each role may do. */
export const roleText: Record<Role, string> = {
  viewer: "Viewer: can browse the register",
  editor: "Editor: can also change the register",
  admin: "Admin: can also manage accounts and API keys",
};

/** The status of an account, in words. */
export const statusText = (user: Pick<UserRow, "disabledAt">): string =>
  user.disabledAt === null ? "Active" : `Disabled ${formatTimestamp(user.disabledAt)}`;

/** The users page. */
export const UsersPage: FC<{ ctx: ViewContext; data: UsersData }> = ({ ctx, data }) => {
  const errorOf = (id: string) => data.errors.find((e) => e.fieldId === id)?.message;
  return (
    <Layout ctx={ctx} title="Users" section="users" hasErrors={data.errors.length > 0}>
      {data.link !== undefined ? (
        <OneTimeSecret heading={`Account ${data.link.email} was added.`} secret={data.link.url}>
          <p>
            Give this one-time link to the person by a secure route. They use it to set their
            password; it works once, until {formatTimestamp(data.link.expiresAt)}. It is not shown
            again.
          </p>
        </OneTimeSecret>
      ) : (
        data.added !== undefined && (
          <Banner title="Success" success>
            <p class="nhsuk-notification-banner__heading">Account {data.added} was added.</p>
          </Banner>
        )
      )}
      <ErrorSummary errors={data.errors} />
      <h1>Users</h1>
      <Table
        caption="Accounts"
        columns={[
          {
            header: "Email",
            cell: (u: UserRow) => <a href={ctx.paths.user(u.id)}>{u.email}</a>,
          },
          { header: "Role", cell: (u: UserRow) => u.role },
          { header: "Added", cell: (u: UserRow) => formatTimestamp(u.createdAt) },
          { header: "Status", cell: (u: UserRow) => statusText(u) },
        ]}
        rows={data.users}
      />
      <h2>Add an account</h2>
      <form action={ctx.paths.users()} method="post" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Email address"
          value={data.email}
          error={errorOf("email")}
          autocomplete="off"
          spellcheck={false}
        />
        <Radios
          id="role"
          name="role"
          label="Role"
          value={data.role}
          error={errorOf("role")}
          options={(["viewer", "editor", "admin"] as const).map((role) => ({
            value: role,
            text: roleText[role],
          }))}
        />
        <TextInput
          id="password"
          name="password"
          type="password"
          label="Password (optional)"
          hint="Leave it blank to get a one-time link the person uses to set their own password. A password you set must be at least 12 characters; give it to the person by a separate, secure route."
          error={errorOf("password")}
          autocomplete="new-password"
        />
        <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
          Add account
        </button>
      </form>
    </Layout>
  );
};
