/**
 * @module DateFilter
 * The "show the structure as it was on" form: a date (`validAt`) and, where the page has
 * them, other choices such as the neighbourhood scheme. A GET form: it changes nothing, so
 * it carries no CSRF token (a token in a URL would leak through logs and history).
 */
import type { FC } from "hono/jsx";
import type { Option } from "./Fields.js";

/** The date form. */
export const DateFilter: FC<{
  action: string;
  validAt: string;
  error?: string | undefined;
  schemes?: ReadonlyArray<Option> | undefined;
  schemeId?: string | undefined;
  hidden?: Readonly<Record<string, string>>;
}> = ({ action, validAt, error, schemes, schemeId, hidden = {} }) => (
  <form action={action} method="get" class="app-mb-5" novalidate>
    {Object.entries(hidden).map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
    <div class="app-inline-form">
      <div
        class={
          error === undefined ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error"
        }
      >
        <label class="nhsuk-label" for="validAt">
          Show as it was on
        </label>
        {error !== undefined && (
          <span class="nhsuk-error-message" id="validAt-error">
            <span class="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        )}
        <input
          class={
            error === undefined
              ? "nhsuk-input nhsuk-input--width-10"
              : "nhsuk-input nhsuk-input--width-10 nhsuk-input--error"
          }
          id="validAt"
          name="validAt"
          type="date"
          value={validAt}
          aria-describedby={error === undefined ? undefined : "validAt-error"}
        />
      </div>
      {schemes !== undefined && schemes.length > 0 && (
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="scheme">
            Neighbourhood scheme
          </label>
          <select class="nhsuk-select" id="scheme" name="scheme">
            <option value="">All schemes</option>
            {schemes.map((option) => (
              <option value={option.value} selected={option.value === schemeId}>
                {option.text}
              </option>
            ))}
          </select>
        </div>
      )}
      <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
        Show
      </button>
    </div>
  </form>
);
