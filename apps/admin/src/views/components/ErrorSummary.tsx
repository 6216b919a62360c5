/**
 * @module ErrorSummary
 * The NHS error summary: a list of problems at the top of a form, each linking to its field.
 */
import type { FC } from "hono/jsx";

/** One problem with a form: the message and the id of the field it is about. */
export interface FieldError {
  /** The id of the input the error belongs to (without `#`); absent for form-level errors. */
  readonly fieldId?: string | undefined;
  /** The field's label, to name it in the summary. */
  readonly label?: string | undefined;
  readonly message: string;
}

/** The summary text of an error: "Label: message", or the message alone. */
export const summaryText = (error: FieldError): string =>
  error.label !== undefined && error.label !== ""
    ? `${error.label}: ${error.message}`
    : error.message;

/**
 * The error summary, or nothing when there are no errors.
 *
 * @example
 * ```tsx
 * <ErrorSummary errors={[{ fieldId: "f-name", label: "Name", message: "must not be empty" }]} />
 * ```
 */
export const ErrorSummary: FC<{ errors: ReadonlyArray<FieldError>; title?: string }> = ({
  errors,
  title = "There is a problem",
}) =>
  errors.length === 0 ? null : (
    <div class="nhsuk-error-summary" data-module="nhsuk-error-summary" tabindex={-1}>
      <div role="alert">
        <h2 class="nhsuk-error-summary__heading">{title}</h2>
        <div class="nhsuk-error-summary__body">
          <ul class="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li>
                {error.fieldId !== undefined ? (
                  <a href={`#${error.fieldId}`}>{summaryText(error)}</a>
                ) : (
                  summaryText(error)
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
