/**
 * @module FormState
 * The raw text of a form, keyed by input name, and its two conversions: from an entity
 * (to fill the form) and to a candidate entity (to validate and save). Keeping the raw text
 * means a form with errors shows exactly what was typed.
 */
import type { FormField } from "./FormModel.js";

/** Input name → submitted text (several values for checkboxes). */
export type FormState = Readonly<Record<string, string | ReadonlyArray<string>>>;

/** A problem found while reading the form, before the schema sees it. */
export interface FormIssue {
  readonly path: string;
  readonly message: string;
}

type Json = unknown;

const get = (value: Json, key: string): Json =>
  value !== null && typeof value === "object" ? (value as Record<string, Json>)[key] : undefined;

const text = (state: FormState, name: string): string => {
  const value = state[name];
  if (value === undefined) return "";
  return typeof value === "string" ? value : (value[0] ?? "");
};

const texts = (state: FormState, name: string): string[] => {
  const value = state[name];
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : [...value];
};

/** The names of the rows of a rows field present in a form state, in order. */
export const rowIndexes = (state: FormState, name: string): number[] => {
  const prefix = `${name}.`;
  const indexes = new Set<number>();
  for (const key of Object.keys(state)) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(key.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(index) && index >= 0 && index < 500) indexes.add(index);
  }
  return [...indexes].sort((a, b) => a - b);
};

/** A rows field's sub-fields for row `index` (`codes.#.value` → `codes.3.value`). */
export const rowFields = (rows: Extract<FormField, { type: "rows" }>, index: number): FormField[] =>
  rows.fields.map((f) => renameField(f, `${rows.name}.#`, `${rows.name}.${index}`));

const renameField = (f: FormField, from: string, to: string): FormField => {
  const name = f.name.startsWith(from) ? `${to}${f.name.slice(from.length)}` : f.name;
  if (f.type === "group" || f.type === "rows") {
    return { ...f, name, fields: f.fields.map((sub) => renameField(sub, from, to)) } as FormField;
  }
  return { ...f, name };
};

const fill = (
  fields: ReadonlyArray<FormField>,
  value: Json,
  state: Record<string, string | string[]>,
): void => {
  for (const f of fields) {
    const key = f.name.split(".").at(-1) ?? f.name;
    const v = get(value, key);
    switch (f.type) {
      case "text":
      case "date":
      case "choice":
      case "reference":
        state[f.name] = v === undefined || v === null ? "" : String(v);
        break;
      case "number":
        state[f.name] = typeof v === "number" ? String(v) : "";
        break;
      case "boolean":
        state[f.name] = v === true ? "true" : "";
        break;
      case "choices":
        state[f.name] = Array.isArray(v) ? v.map(String) : [];
        break;
      case "lines":
        state[f.name] = Array.isArray(v) ? v.map(String).join("\n") : "";
        break;
      case "group":
        fill(f.fields, v, state);
        break;
      case "rows": {
        const items = Array.isArray(v) ? v : [];
        items.forEach((item, i) => {
          fill(rowFields(f, i), item, state);
        });
        break;
      }
      case "json":
        state[f.name] = v === undefined ? "" : JSON.stringify(v, null, 2);
        break;
    }
  }
};

/**
 * The form state showing an entity (or an empty form when `entity` is undefined).
 *
 * @example
 * ```ts
 * stateOf(formFields("place"), place)["valid.from"]; // "2022-07-01"
 * ```
 */
export const stateOf = (fields: ReadonlyArray<FormField>, entity: Json): FormState => {
  const state: Record<string, string | string[]> = {};
  fill(fields, entity, state);
  return state;
};

const blank = (state: FormState, fields: ReadonlyArray<FormField>): boolean =>
  fields.every((f) => {
    if (f.type === "group" || f.type === "rows")
      return blank(state, f.type === "group" ? f.fields : []);
    if (f.type === "boolean") return true;
    return texts(state, f.name).every((t) => t.trim() === "");
  });

const read = (
  fields: ReadonlyArray<FormField>,
  state: FormState,
  issues: FormIssue[],
): Record<string, Json> => {
  const out: Record<string, Json> = {};
  for (const f of fields) {
    const key = f.name.split(".").at(-1) ?? f.name;
    const raw = text(state, f.name).trim();
    switch (f.type) {
      case "text":
        if (raw !== "" || f.required) out[key] = raw;
        break;
      case "reference":
      case "choice":
        if (raw !== "") out[key] = raw;
        else if (f.required) out[key] = raw;
        break;
      case "date":
        if (raw !== "") out[key] = raw;
        else if (f.nullable) out[key] = null;
        else if (f.required) out[key] = "";
        break;
      case "number": {
        if (raw === "") {
          if (f.nullable) out[key] = null;
          else if (f.required) issues.push({ path: f.name, message: "enter a number" });
          break;
        }
        const n = Number(raw.replace(/[,£\s]/g, ""));
        if (!Number.isFinite(n) || (f.integer && !Number.isInteger(n))) {
          issues.push({
            path: f.name,
            message: f.integer ? "must be a whole number" : "must be a number",
          });
        } else out[key] = n;
        break;
      }
      case "boolean":
        out[key] = raw === "true";
        break;
      case "choices":
        out[key] = texts(state, f.name).filter((t) => t !== "");
        break;
      case "lines":
        out[key] = raw
          .split(/[\n,]+/)
          .map((line) => line.trim())
          .filter((line) => line !== "");
        break;
      case "group": {
        if (!f.required && blank(state, f.fields)) break;
        out[key] = read(f.fields, state, issues);
        break;
      }
      case "rows": {
        const rows: Json[] = [];
        for (const index of rowIndexes(state, f.name)) {
          const sub = rowFields(f, index);
          if (blank(state, sub)) continue;
          rows.push(read(sub, state, issues));
        }
        // An optional list left empty is left out, as the record had it.
        if (rows.length > 0 || f.optional !== true) out[key] = rows;
        break;
      }
      case "json": {
        if (raw === "") break;
        try {
          out[key] = JSON.parse(raw);
        } catch {
          issues.push({ path: f.name, message: "is not valid JSON" });
        }
        break;
      }
    }
  }
  return out;
};

/**
 * The candidate entity a form state describes, and the problems found reading it (numbers
 * that are not numbers, JSON that does not parse). Blank optional fields are left out,
 * blank rows are dropped, and the schema then validates the result.
 *
 * @example
 * ```ts
 * const { value } = readForm(formFields("place"), { name: "Synthetic Borough", "valid.from": "2022-07-01" });
 * ```
 */
export const readForm = (
  fields: ReadonlyArray<FormField>,
  state: FormState,
): { value: Record<string, Json>; issues: FormIssue[] } => {
  const issues: FormIssue[] = [];
  const value = read(fields, state, issues);
  return { value, issues };
};

/**
 * A form state from a parsed request body (`c.req.parseBody({ all: true })`): files are
 * dropped, text kept.
 */
export const stateFromBody = (body: Record<string, unknown>): FormState => {
  const state: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") state[key] = value;
    else if (Array.isArray(value))
      state[key] = value.filter((v): v is string => typeof v === "string");
  }
  return state;
};
