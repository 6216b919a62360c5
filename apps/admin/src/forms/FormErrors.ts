/**
 * @module FormErrors
 * Maps validation problems — the form reader's, the domain schema's (zod issues) and the
 * services' field issues, all as dotted paths — to the inputs of the rendered form, so each
 * error in the summary names its field and links to it.
 */
import type { FieldError } from "../views/components/ErrorSummary.js";
import { type FormField, fieldId } from "./FormModel.js";
import { type FormState, rowFields, rowIndexes } from "./FormState.js";

/** A rendered input: its name (value path), id and label. */
export interface RenderedInput {
  readonly name: string;
  readonly id: string;
  readonly label: string;
}

/** The number of rows a rows field shows: its filled rows plus `extra` blank ones. */
export const rowCount = (state: FormState, name: string, extra: number): number => {
  const indexes = rowIndexes(state, name);
  const last = indexes.at(-1);
  return (last === undefined ? 0 : last + 1) + extra;
};

/**
 * The inputs a form renders for `fields` and `state` (with `extraRows` blank rows per rows
 * field), in page order.
 */
export const renderedInputs = (
  fields: ReadonlyArray<FormField>,
  state: FormState,
  extraRows: Readonly<Record<string, number>> = {},
  prefix = "",
): RenderedInput[] =>
  fields.flatMap((f): RenderedInput[] => {
    const label = prefix === "" ? f.label : `${prefix}: ${f.label}`;
    if (f.type === "group") return renderedInputs(f.fields, state, extraRows, label);
    if (f.type === "rows") {
      const count = rowCount(state, f.name, extraRows[f.name] ?? 1);
      return Array.from({ length: count }, (_, i) =>
        renderedInputs(rowFields(f, i), state, extraRows, `${label} ${i + 1}`),
      ).flat();
    }
    return [{ name: f.name, id: fieldId(f.name), label }];
  });

/** A problem at a dotted value path. */
export interface PathIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Errors for the summary and the fields: each issue is placed on the input whose name is its
 * path, else the first input under it, else the nearest enclosing input (a JSON field);
 * issues that match no input become form-level errors that still appear in the summary.
 *
 * @example
 * ```ts
 * placeIssues(inputs, [{ path: "valid.to", message: "to must be after from" }]);
 * // [{ fieldId: "f-valid-to", label: "Valid: To (first day no longer true)", message: "to must be after from" }]
 * ```
 */
export const placeIssues = (
  inputs: ReadonlyArray<RenderedInput>,
  issues: ReadonlyArray<PathIssue>,
): { summary: FieldError[]; byName: Map<string, string> } => {
  const byName = new Map<string, string>();
  const summary: FieldError[] = [];
  const exact = new Map(inputs.map((input) => [input.name, input]));
  for (const issue of issues) {
    let input = exact.get(issue.path) ?? inputs.find((i) => i.name.startsWith(`${issue.path}.`));
    if (input === undefined) {
      const parts = issue.path.split(".");
      while (input === undefined && parts.length > 1) {
        parts.pop();
        input = exact.get(parts.join("."));
      }
    }
    if (input === undefined) {
      summary.push({
        message: issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`,
      });
      continue;
    }
    if (!byName.has(input.name)) byName.set(input.name, issue.message);
    summary.push({ fieldId: input.id, label: input.label, message: issue.message });
  }
  return { summary, byName };
};

/** Kinder words for zod's default messages. */
export const friendlyMessage = (message: string): string => {
  if (/^Invalid option: expected one of/.test(message)) return "choose one of the options";
  if (/^Invalid input: expected string, received undefined/.test(message)) return "is required";
  if (/^Invalid input: expected (number|boolean|object|array), received undefined/.test(message))
    return "is required";
  if (/^Invalid input: expected number, received/.test(message)) return "must be a number";
  if (/^Invalid string: must match pattern \/\^([a-z]{3})_/.test(message)) {
    const prefix = /\^([a-z]{3})_/.exec(message)?.[1] ?? "";
    return `must be an id starting ${prefix}_`;
  }
  if (/^Too small: expected string to have >=1 characters/.test(message))
    return "must not be empty";
  if (/^Too small: expected array to have >=1 items/.test(message)) return "give at least one";
  return message;
};
