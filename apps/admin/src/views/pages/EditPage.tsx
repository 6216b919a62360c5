/**
 * @module EditPage
 * The form to create, correct or change a record: generated from the domain schema, with
 * errors in the NHS error-summary pattern (each naming and linking to its field), a reason
 * for the change (required), and a check step that shows what the register's rules find
 * before anything is saved. The revision the form was read at travels with it, so a save
 * over someone else's change is refused.
 */
import type { EntityKind, Finding } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { type FieldSupport, Fields } from "../../forms/EntityFields.js";
import type { FormField } from "../../forms/FormModel.js";
import type { FormState } from "../../forms/FormState.js";
import { CsrfField } from "../components/CsrfField.js";
import { formatPeriod, Warning } from "../components/Display.js";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary.js";
import { Textarea } from "../components/Fields.js";
import { hrefOf, kindLabels } from "../components/Links.js";
import { type Crumb, Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the edit page shows. */
export interface EditData {
  readonly mode: "create" | "edit";
  readonly kind: EntityKind;
  readonly id: string | undefined;
  readonly name: string;
  readonly action: string;
  readonly fields: ReadonlyArray<FormField>;
  readonly state: FormState;
  readonly errors: ReadonlyMap<string, string>;
  readonly summary: ReadonlyArray<FieldError>;
  readonly extraRows: Readonly<Record<string, number>>;
  readonly support: FieldSupport;
  readonly revision: number | undefined;
  readonly reason: string;
  readonly reasonError: string | undefined;
  /** Set after a check with no error: the digest of what was checked (saving needs it). */
  readonly checked: string | undefined;
  readonly warnings: ReadonlyArray<Finding>;
  /** The valid period of the version being edited, and the others to choose from. */
  readonly editing: { readonly from: string; readonly to: string | null } | undefined;
  readonly otherVersions: ReadonlyArray<{ readonly from: string; readonly to: string | null }>;
  readonly conflict: string | undefined;
  readonly breadcrumbs: ReadonlyArray<Crumb>;
  readonly notice?: string | undefined;
}

/** The edit (or create) page. */
export const EditPage: FC<{ ctx: ViewContext; data: EditData }> = ({ ctx, data }) => {
  const { paths } = ctx;
  const title =
    data.mode === "create" ? `New ${kindLabels[data.kind].one.toLowerCase()}` : `Edit ${data.name}`;
  const summary =
    data.reasonError === undefined
      ? data.summary
      : [
          ...data.summary,
          { fieldId: "reason", label: "Reason for the change", message: data.reasonError },
        ];
  return (
    <Layout
      ctx={ctx}
      title={title}
      hasErrors={summary.length > 0 || data.conflict !== undefined}
      breadcrumbs={data.breadcrumbs}
    >
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          {data.conflict !== undefined && (
            <div class="nhsuk-error-summary" data-module="nhsuk-error-summary" tabindex={-1}>
              <div role="alert">
                <h2 class="nhsuk-error-summary__heading">
                  This record was changed by someone else
                </h2>
                <div class="nhsuk-error-summary__body">
                  <p>{data.conflict}</p>
                  <p>
                    Your changes have not been saved. They are still in the form below.{" "}
                    {data.id !== undefined && (
                      <a href={paths.edit(data.id)}>Open the latest version</a>
                    )}{" "}
                    and make your change again.
                  </p>
                </div>
              </div>
            </div>
          )}
          <ErrorSummary errors={summary} />
          <span class="nhsuk-caption-l">{kindLabels[data.kind].one}</span>
          <h1>{title}</h1>
          {data.notice !== undefined && (
            <div class="nhsuk-inset-text">
              <span class="nhsuk-u-visually-hidden">Information: </span>
              <p>{data.notice}</p>
            </div>
          )}
          {data.editing !== undefined && (
            <div class="nhsuk-inset-text">
              <span class="nhsuk-u-visually-hidden">Information: </span>
              <p>
                You are editing the version valid {formatPeriod(data.editing)}. To correct it, keep
                its dates. To record a change from a date, set "Valid: From" to that date: the
                earlier version will end the day before.
              </p>
              {data.otherVersions.length > 0 && data.id !== undefined && (
                <p>
                  Other versions:{" "}
                  {data.otherVersions.map((v, i) => (
                    <>
                      {i > 0 && ", "}
                      <a href={paths.edit(data.id ?? "", { validAt: v.from })}>{formatPeriod(v)}</a>
                    </>
                  ))}
                </p>
              )}
            </div>
          )}
          {data.checked !== undefined && summary.length === 0 && (
            <div class="nhsuk-inset-text">
              <span class="nhsuk-u-visually-hidden">Information: </span>
              <h2 class="nhsuk-heading-s">Checked</h2>
              <p>
                {data.warnings.length === 0
                  ? "The register's rules find nothing wrong with this change."
                  : "The register's rules raise the warnings below. You can still save."}{" "}
                Check the form, then save.
              </p>
            </div>
          )}
          {data.warnings.length > 0 && (
            <Warning heading="Warnings">
              <ul class="nhsuk-list nhsuk-list--bullet">
                {data.warnings.map((w) => (
                  <li>{w.message}</li>
                ))}
              </ul>
            </Warning>
          )}
          <form action={data.action} method="post" novalidate>
            <CsrfField token={ctx.csrfToken} />
            {data.revision !== undefined && (
              <input type="hidden" name="_revision" value={String(data.revision)} />
            )}
            {data.editing !== undefined && (
              <input type="hidden" name="_editing" value={data.editing.from} />
            )}
            {data.checked !== undefined && (
              <input type="hidden" name="_checked" value={data.checked} />
            )}
            {Object.entries(data.extraRows).map(([name, n]) => (
              <input type="hidden" name={`_rows.${name}`} value={String(n)} />
            ))}
            <Fields
              fields={data.fields}
              state={data.state}
              errors={data.errors}
              support={data.support}
              extraRows={data.extraRows}
            />
            <Textarea
              id="reason"
              name="_reason"
              label="Reason for the change"
              hint="Say why, and where the information comes from. Everyone who reads the history will see it."
              value={data.reason}
              error={data.reasonError}
              rows={3}
            />
            <div class="nhsuk-button-group">
              {data.checked !== undefined && summary.length === 0 ? (
                <>
                  <button
                    class="nhsuk-button"
                    data-module="nhsuk-button"
                    type="submit"
                    name="_action"
                    value="save"
                  >
                    Save changes
                  </button>
                  <button
                    class="nhsuk-button nhsuk-button--secondary"
                    data-module="nhsuk-button"
                    type="submit"
                    name="_action"
                    value="check"
                  >
                    Check again
                  </button>
                </>
              ) : (
                <button
                  class="nhsuk-button"
                  data-module="nhsuk-button"
                  type="submit"
                  name="_action"
                  value="check"
                >
                  Check changes
                </button>
              )}
            </div>
          </form>
          <p>
            <a href={data.id === undefined ? paths.home() : hrefOf(paths, data.id)}>Cancel</a>
          </p>
        </div>
      </div>
    </Layout>
  );
};
