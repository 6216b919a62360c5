/**
 * @module KeysPage
 * API keys (admins only): every key with its scopes, who made it, when it was last used
 * and whether it was revoked; a form to create one (its secret shown once); a button to
 * revoke each active key (refused by every running process within a second).
 */
import type { ApiKeyInfo } from "@care-atlas/auth";
import type { FC } from "hono/jsx";
import { CsrfField } from "../components/CsrfField.js";
import { Banner, formatTimestamp, Table } from "../components/Display.js";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.js";
import { Checkboxes, TextInput } from "../components/Fields.js";
import { OneTimeSecret } from "../components/OneTimeSecret.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the keys page shows. */
export interface KeysData {
  readonly keys: ReadonlyArray<ApiKeyInfo>;
  readonly errors: ReadonlyArray<FieldError>;
  readonly name: string;
  readonly scopes: ReadonlyArray<string>;
  /** A key just created: its whole secret, shown this once. */
  readonly created?: { readonly key: string; readonly info: ApiKeyInfo } | undefined;
  /** The prefix of a key just revoked. */
  readonly revoked?: string | undefined;
}

const scopeText: Record<string, string> = {
  read: "read: every read (when reads need a key)",
  write: "write: also create, change and end records",
  admin: "admin: also manage API keys, read the audit trail and see who made each change",
  audit: "audit: read, and see who made each change and why in the change feed",
};

/** The keys page. */
export const KeysPage: FC<{ ctx: ViewContext; data: KeysData }> = ({ ctx, data }) => {
  const errorOf = (id: string) => data.errors.find((e) => e.fieldId === id)?.message;
  return (
    <Layout ctx={ctx} title="API keys" section="keys" hasErrors={data.errors.length > 0}>
      {data.created !== undefined && (
        <OneTimeSecret
          heading={`Key ${data.created.info.prefix} "${data.created.info.name}" was created.`}
          secret={data.created.key}
        >
          <p>Store the key now, where its service keeps its secrets: it is not shown again.</p>
        </OneTimeSecret>
      )}
      {data.revoked !== undefined && (
        <Banner title="Success" success>
          <p class="nhsuk-notification-banner__heading">
            Key {data.revoked} was revoked: every server refuses it within a second.
          </p>
        </Banner>
      )}
      <ErrorSummary errors={data.errors} />
      <h1>API keys</h1>
      <Table
        caption="Keys"
        columns={[
          { header: "Key", cell: (k: ApiKeyInfo) => <code>{k.prefix}</code> },
          { header: "Name", cell: (k: ApiKeyInfo) => k.name },
          { header: "Scopes", cell: (k: ApiKeyInfo) => k.scopes.join(", ") },
          {
            header: "Created",
            cell: (k: ApiKeyInfo) =>
              `${formatTimestamp(k.createdAt)}${k.createdBy === null ? "" : ` by ${k.createdBy}`}`,
          },
          {
            header: "Last used",
            cell: (k: ApiKeyInfo) =>
              k.lastUsedAt === null ? "Never" : formatTimestamp(k.lastUsedAt),
          },
          {
            header: "Status",
            cell: (k: ApiKeyInfo) =>
              k.revokedAt !== null ? (
                `Revoked ${formatTimestamp(k.revokedAt)}`
              ) : (
                <form class="app-inline-form" action={ctx.paths.revokeKey(k.prefix)} method="post">
                  <CsrfField token={ctx.csrfToken} />
                  <button
                    class="nhsuk-button nhsuk-button--warning nhsuk-button--small"
                    type="submit"
                  >
                    Revoke<span class="nhsuk-u-visually-hidden"> key {k.prefix}</span>
                  </button>
                </form>
              ),
          },
        ]}
        rows={data.keys}
        empty="No keys yet."
      />
      <h2>Create a key</h2>
      <form action={ctx.paths.keys()} method="post" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput
          id="name"
          name="name"
          label="What the key is for"
          hint="The service or team that will use it, e.g. Referral router."
          value={data.name}
          error={errorOf("name")}
          autocomplete="off"
        />
        <Checkboxes
          id="scopes"
          name="scopes"
          label="Scopes"
          hint="write includes read; admin includes write and audit; audit includes read."
          values={data.scopes}
          error={errorOf("scopes")}
          options={["read", "write", "admin", "audit"].map((scope) => ({
            value: scope,
            text: scopeText[scope] ?? scope,
          }))}
        />
        <button class="nhsuk-button" data-module="nhsuk-button" type="submit">
          Create key
        </button>
      </form>
    </Layout>
  );
};
