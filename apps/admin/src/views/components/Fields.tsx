/**
 * @module Fields
 * NHS form fields: text input, textarea, select, checkboxes, radios and a single checkbox,
 * each with its label, hint and (when invalid) error message wired with aria-describedby.
 */
import type { FC } from "hono/jsx";

interface FieldBase {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** A larger label, for the one question on a page. */
  readonly labelSize?: "s" | "m" | "l" | undefined;
}

const describedBy = (field: FieldBase): string | undefined => {
  const ids = [
    field.hint !== undefined ? `${field.id}-hint` : undefined,
    field.error !== undefined ? `${field.id}-error` : undefined,
  ].filter((id) => id !== undefined);
  return ids.length > 0 ? ids.join(" ") : undefined;
};

const groupClass = (field: FieldBase): string =>
  field.error !== undefined ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group";

const Label: FC<{ field: FieldBase }> = ({ field }) => (
  <label
    class={
      field.labelSize !== undefined ? `nhsuk-label nhsuk-label--${field.labelSize}` : "nhsuk-label"
    }
    for={field.id}
  >
    {field.label}
  </label>
);

const Hint: FC<{ field: FieldBase }> = ({ field }) =>
  field.hint === undefined ? null : (
    <div class="nhsuk-hint" id={`${field.id}-hint`}>
      {field.hint}
    </div>
  );

const ErrorMessage: FC<{ field: FieldBase }> = ({ field }) =>
  field.error === undefined ? null : (
    <span class="nhsuk-error-message" id={`${field.id}-error`}>
      <span class="nhsuk-u-visually-hidden">Error: </span>
      {field.error}
    </span>
  );

/** A text input. */
export interface TextInputProps extends FieldBase {
  readonly value?: string | undefined;
  readonly type?: "text" | "date" | "email" | "password" | "number" | "search" | undefined;
  readonly width?: 2 | 3 | 4 | 5 | 10 | 20 | 30 | undefined;
  readonly autocomplete?: string | undefined;
  readonly inputmode?: "numeric" | "decimal" | "text" | undefined;
  readonly code?: boolean | undefined;
  readonly spellcheck?: boolean | undefined;
}

/** A text input with its label, hint and error. */
export const TextInput: FC<TextInputProps> = (field) => {
  const classes = ["nhsuk-input"];
  if (field.code === true) classes.push("nhsuk-input--code");
  if (field.error !== undefined) classes.push("nhsuk-input--error");
  if (field.width !== undefined) classes.push(`nhsuk-input--width-${field.width}`);
  return (
    <div class={groupClass(field)}>
      <Label field={field} />
      <Hint field={field} />
      <ErrorMessage field={field} />
      <input
        class={classes.join(" ")}
        id={field.id}
        name={field.name}
        type={field.type ?? "text"}
        value={field.value ?? ""}
        aria-describedby={describedBy(field)}
        autocomplete={field.autocomplete}
        inputmode={field.inputmode}
        spellcheck={field.spellcheck}
      />
    </div>
  );
};

/** A multi-line text field. */
export const Textarea: FC<FieldBase & { value?: string | undefined; rows?: number }> = (field) => (
  <div class={groupClass(field)}>
    <Label field={field} />
    <Hint field={field} />
    <ErrorMessage field={field} />
    <textarea
      class={field.error !== undefined ? "nhsuk-textarea nhsuk-textarea--error" : "nhsuk-textarea"}
      id={field.id}
      name={field.name}
      rows={field.rows ?? 4}
      aria-describedby={describedBy(field)}
    >
      {field.value ?? ""}
    </textarea>
  </div>
);

/** An option of a select, radios or checkboxes. */
export interface Option {
  readonly value: string;
  readonly text: string;
}

/** A select (drop-down). */
export const Select: FC<
  FieldBase & { value?: string | undefined; options: ReadonlyArray<Option>; blank?: string }
> = (field) => (
  <div class={groupClass(field)}>
    <Label field={field} />
    <Hint field={field} />
    <ErrorMessage field={field} />
    <select
      class={field.error !== undefined ? "nhsuk-select nhsuk-select--error" : "nhsuk-select"}
      id={field.id}
      name={field.name}
      aria-describedby={describedBy(field)}
    >
      {field.blank !== undefined && <option value="">{field.blank}</option>}
      {field.options.map((option) => (
        <option value={option.value} selected={option.value === field.value}>
          {option.text}
        </option>
      ))}
    </select>
  </div>
);

/** A group of checkboxes (several values under one name). */
export const Checkboxes: FC<
  FieldBase & { values: ReadonlyArray<string>; options: ReadonlyArray<Option>; small?: boolean }
> = (field) => (
  <div class={groupClass(field)}>
    <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(field)}>
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{field.label}</legend>
      <Hint field={field} />
      <ErrorMessage field={field} />
      <div
        class={
          field.small === true ? "nhsuk-checkboxes nhsuk-checkboxes--small" : "nhsuk-checkboxes"
        }
        data-module="nhsuk-checkboxes"
      >
        {field.options.map((option, i) => (
          <div class="nhsuk-checkboxes__item">
            <input
              class="nhsuk-checkboxes__input"
              id={i === 0 ? field.id : `${field.id}-${i + 1}`}
              name={field.name}
              type="checkbox"
              value={option.value}
              checked={field.values.includes(option.value)}
            />
            <label
              class="nhsuk-label nhsuk-checkboxes__label"
              for={i === 0 ? field.id : `${field.id}-${i + 1}`}
            >
              {option.text}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  </div>
);

/** A group of radios (one value). */
export const Radios: FC<
  FieldBase & { value?: string | undefined; options: ReadonlyArray<Option>; inline?: boolean }
> = (field) => (
  <div class={groupClass(field)}>
    <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(field)}>
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{field.label}</legend>
      <Hint field={field} />
      <ErrorMessage field={field} />
      <div
        class={field.inline === true ? "nhsuk-radios nhsuk-radios--inline" : "nhsuk-radios"}
        data-module="nhsuk-radios"
      >
        {field.options.map((option, i) => (
          <div class="nhsuk-radios__item">
            <input
              class="nhsuk-radios__input"
              id={i === 0 ? field.id : `${field.id}-${i + 1}`}
              name={field.name}
              type="radio"
              value={option.value}
              checked={option.value === field.value}
            />
            <label
              class="nhsuk-label nhsuk-radios__label"
              for={i === 0 ? field.id : `${field.id}-${i + 1}`}
            >
              {option.text}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  </div>
);

/** One yes/no checkbox. */
export const Checkbox: FC<FieldBase & { checked: boolean; value?: string }> = (field) => (
  <div class={groupClass(field)}>
    <ErrorMessage field={field} />
    <div class="nhsuk-checkboxes nhsuk-checkboxes--small" data-module="nhsuk-checkboxes">
      <div class="nhsuk-checkboxes__item">
        <input
          class="nhsuk-checkboxes__input"
          id={field.id}
          name={field.name}
          type="checkbox"
          value={field.value ?? "true"}
          checked={field.checked}
          aria-describedby={describedBy(field)}
        />
        <label class="nhsuk-label nhsuk-checkboxes__label" for={field.id}>
          {field.label}
        </label>
        <Hint field={field} />
      </div>
    </div>
  </div>
);
