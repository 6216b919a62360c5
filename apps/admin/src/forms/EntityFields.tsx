/**
 * @module EntityFields
 * Renders a generated form's fields with the NHS components: inputs, selects, checkboxes,
 * fieldsets for groups and for each row of a repeating field, errors beside each field.
 */
import { type EntityKind, idPrefixes } from "@care-atlas/domain";
import type { Child, FC } from "hono/jsx";
import {
  Checkbox,
  Checkboxes,
  type Option,
  Select,
  Textarea,
  TextInput,
} from "../views/components/Fields.js";
import { rowCount } from "./FormErrors.js";
import { type FormField, fieldId } from "./FormModel.js";
import { type FormState, rowFields } from "./FormState.js";

/** What the fields need besides their state and errors. */
export interface FieldSupport {
  /** Choices for a reference field of a kind, when the kind is small enough for a list. */
  readonly referenceOptions: (kind: EntityKind) => ReadonlyArray<Option> | undefined;
  /** A label for an option value of a choice field (`gp-practice` → "GP practice"). */
  readonly optionLabel?: (field: string, value: string) => string;
}

const textOf = (state: FormState, name: string): string => {
  const value = state[name];
  return value === undefined ? "" : typeof value === "string" ? value : (value[0] ?? "");
};

const valuesOf = (state: FormState, name: string): string[] => {
  const value = state[name];
  return value === undefined ? [] : typeof value === "string" ? [value] : [...value];
};

const defaultLabel = (_field: string, value: string): string =>
  value.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());

const optional = (f: { readonly required?: boolean }, label: string): string =>
  f.required === false ? `${label} (optional)` : label;

interface Props {
  readonly fields: ReadonlyArray<FormField>;
  readonly state: FormState;
  readonly errors: ReadonlyMap<string, string>;
  readonly support: FieldSupport;
  readonly extraRows: Readonly<Record<string, number>>;
}

const Field: FC<Omit<Props, "fields"> & { field: FormField }> = ({
  field: f,
  state,
  errors,
  support,
  extraRows,
}): Child => {
  const id = fieldId(f.name);
  const error = errors.get(f.name);
  const optionLabel = support.optionLabel ?? defaultLabel;
  const key = f.name.split(".").at(-1) ?? f.name;
  switch (f.type) {
    case "text":
      return f.multiline ? (
        <Textarea
          id={id}
          name={f.name}
          label={optional(f, f.label)}
          hint={f.hint}
          error={error}
          value={textOf(state, f.name)}
          rows={3}
        />
      ) : (
        <TextInput
          id={id}
          name={f.name}
          label={optional(f, f.label)}
          hint={f.hint}
          error={error}
          value={textOf(state, f.name)}
        />
      );
    case "date":
      return (
        <TextInput
          id={id}
          name={f.name}
          type="date"
          width={10}
          label={optional({ required: f.required && !f.nullable }, f.label)}
          hint={
            f.nullable
              ? `${f.hint ?? ""}${f.hint === undefined ? "" : " "}Leave blank while still true.`.trim()
              : f.hint
          }
          error={error}
          value={textOf(state, f.name)}
        />
      );
    case "number":
      return (
        <TextInput
          id={id}
          name={f.name}
          label={optional({ required: f.required && !f.nullable }, f.label)}
          hint={f.hint}
          error={error}
          value={textOf(state, f.name)}
          inputmode={f.integer ? "numeric" : "decimal"}
          width={20}
        />
      );
    case "boolean":
      return (
        <Checkbox
          id={id}
          name={f.name}
          label={f.label}
          hint={f.hint}
          error={error}
          checked={textOf(state, f.name) === "true"}
        />
      );
    case "choice":
      return (
        <Select
          id={id}
          name={f.name}
          label={optional(f, f.label)}
          hint={f.hint}
          error={error}
          value={textOf(state, f.name)}
          blank={f.required ? "Choose…" : "None"}
          options={f.options.map((value) => ({ value, text: optionLabel(key, value) }))}
        />
      );
    case "reference": {
      const options = f.kind === undefined ? undefined : support.referenceOptions(f.kind);
      const value = textOf(state, f.name);
      if (options !== undefined && (value === "" || options.some((o) => o.value === value))) {
        return (
          <Select
            id={id}
            name={f.name}
            label={optional(f, f.label)}
            hint={f.hint}
            error={error}
            value={value}
            blank={f.required ? "Choose…" : "None"}
            options={options}
          />
        );
      }
      return (
        <TextInput
          id={id}
          name={f.name}
          label={optional(f, f.label)}
          hint={
            f.hint ??
            (f.kind === undefined
              ? "An id such as org_… or plc_…"
              : `The id of the ${f.kind} (${kindPrefix(f.kind)}_…)`)
          }
          error={error}
          value={value}
          code
          spellcheck={false}
          width={30}
        />
      );
    }
    case "choices":
      return (
        <Checkboxes
          id={id}
          name={f.name}
          label={f.label}
          hint={f.hint}
          error={error}
          small
          values={valuesOf(state, f.name)}
          options={f.options.map((value) => ({ value, text: optionLabel(key, value) }))}
        />
      );
    case "lines":
      return (
        <Textarea
          id={id}
          name={f.name}
          label={f.label}
          hint={
            f.hint ??
            (f.kind === undefined
              ? "One per line."
              : `One ${f.kind} id (${kindPrefix(f.kind)}_…) per line.`)
          }
          error={error}
          value={textOf(state, f.name)}
          rows={4}
        />
      );
    case "json":
      return (
        <Textarea
          id={id}
          name={f.name}
          label={optional(f, f.label)}
          hint={`${f.hint === undefined ? "" : `${f.hint} `}As JSON.`}
          error={error}
          value={textOf(state, f.name)}
          rows={8}
        />
      );
    case "group":
      return (
        <fieldset class="nhsuk-fieldset app-mb-4">
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            {optional(f, f.label)}
          </legend>
          {f.hint !== undefined && <div class="nhsuk-hint">{f.hint}</div>}
          <Fields
            fields={f.fields}
            state={state}
            errors={errors}
            support={support}
            extraRows={extraRows}
          />
        </fieldset>
      );
    case "rows": {
      const count = rowCount(state, f.name, extraRows[f.name] ?? 1);
      return (
        <fieldset class="nhsuk-fieldset app-mb-4">
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{f.label}</legend>
          <div class="nhsuk-hint">
            {f.hint === undefined ? "" : `${f.hint} `}Leave a row blank to remove it.
          </div>
          {Array.from({ length: count }, (_, i) => (
            <fieldset class="nhsuk-fieldset app-ml-4">
              <legend class="nhsuk-fieldset__legend">{`${f.label} ${i + 1}`}</legend>
              <Fields
                fields={rowFields(f, i)}
                state={state}
                errors={errors}
                support={support}
                extraRows={extraRows}
              />
            </fieldset>
          ))}
          <button
            class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            type="submit"
            name="_action"
            value={`add-row:${f.name}`}
          >
            Add another<span class="nhsuk-u-visually-hidden"> {f.label.toLowerCase()} row</span>
          </button>
        </fieldset>
      );
    }
  }
};

const kindPrefix = (kind: EntityKind): string => idPrefixes[kind];

/** The fields of a generated form. */
export const Fields: FC<Props> = ({ fields, state, errors, support, extraRows }) => (
  <>
    {fields.map((f) => (
      <Field field={f} state={state} errors={errors} support={support} extraRows={extraRows} />
    ))}
  </>
);
