import { entityKinds, entitySchemas } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { friendlyMessage, placeIssues, renderedInputs } from "./FormErrors.js";
import { type FormField, fieldId, formFields } from "./FormModel.js";
import { readForm, stateOf } from "./FormState.js";

const organisation = {
  id: "org_0000000001",
  kind: "gp-practice",
  name: "Synthetic Medical Practice",
  codes: [{ system: "ods", value: "Z99999" }],
  roles: [{ role: "primary-care-provider", period: { from: "2020-04-01", to: null } }],
  postcode: "M99 9ZZ",
  valid: { from: "2020-04-01", to: null },
  provenance: { sources: ["synthetic"] },
} as const;

const byName = (fields: ReadonlyArray<FormField>, name: string) =>
  fields.find((f) => f.name === name);

describe("formFields", () => {
  it("builds a form for every entity kind", () => {
    for (const kind of entityKinds) {
      const fields = formFields(kind);
      expect(fields.length, kind).toBeGreaterThan(1);
      expect(
        fields.some((f) => f.name === "id"),
        kind,
      ).toBe(false);
      expect(byName(fields, "valid")?.type, kind).toBe("group");
    }
  });

  it("reads the organisation schema into typed fields", () => {
    const fields = formFields("organisation");
    expect(byName(fields, "kind")).toMatchObject({ type: "choice", required: true });
    expect(byName(fields, "name")).toMatchObject({ type: "text", required: true });
    expect(byName(fields, "placeId")).toMatchObject({
      type: "reference",
      kind: "place",
      required: false,
    });
    expect(byName(fields, "codes")).toMatchObject({ type: "rows" });
    const valid = byName(fields, "valid");
    expect(valid?.type === "group" && valid.fields.map((f) => [f.name, f.type])).toEqual([
      ["valid.from", "date"],
      ["valid.to", "date"],
    ]);
  });

  it("falls back to a JSON field for rows inside rows (pooled budget years)", () => {
    expect(byName(formFields("pooledBudget"), "years")?.type).toBe("json");
    expect(byName(formFields("collaborative"), "purposes")?.type).toBe("choices");
    expect(byName(formFields("pooledBudget"), "partnerIds")).toMatchObject({
      type: "lines",
      kind: "organisation",
    });
  });
});

describe("stateOf and readForm", () => {
  it("round-trips an organisation through the form", () => {
    const fields = formFields("organisation");
    const state = stateOf(fields, organisation);
    expect(state["codes.0.value"]).toBe("Z99999");
    expect(state["roles.0.period.to"]).toBe("");
    const { value, issues } = readForm(fields, state);
    expect(issues).toEqual([]);
    const parsed = entitySchemas.organisation.parse({ ...value, id: organisation.id });
    expect(parsed).toEqual(entitySchemas.organisation.parse(organisation));
  });

  it("drops blank rows and optional blanks", () => {
    const fields = formFields("organisation");
    const state = {
      ...stateOf(fields, organisation),
      "codes.1.system": "",
      "codes.1.value": " ",
      postcode: "",
    };
    const { value } = readForm(fields, state);
    expect(value.codes).toHaveLength(1);
    expect("postcode" in value).toBe(false);
  });

  it("reports numbers that are not numbers", () => {
    const fields = formFields("decision");
    const { issues } = readForm(fields, { valuePence: "a lot" });
    expect(issues).toEqual([{ path: "valuePence", message: "must be a whole number" }]);
  });
});

describe("placeIssues", () => {
  it("names and links each invalid field", () => {
    const fields = formFields("organisation");
    const state = { ...stateOf(fields, organisation), name: "", "codes.0.value": "bad code" };
    const { value } = readForm(fields, state);
    const result = entitySchemas.organisation.safeParse({ ...value, id: organisation.id });
    expect(result.success).toBe(false);
    const issues = (result.error?.issues ?? []).map((i) => ({
      path: i.path.join("."),
      message: friendlyMessage(i.message),
    }));
    const { summary, byName: errors } = placeIssues(renderedInputs(fields, state), issues);
    expect(summary).toContainEqual({
      fieldId: fieldId("name"),
      label: "Name",
      message: "must not be empty",
    });
    expect(summary).toContainEqual(
      expect.objectContaining({ fieldId: "f-codes-0-value", label: "Codes 1: Value" }),
    );
    expect(errors.get("name")).toBe("must not be empty");
  });

  it("puts an issue on a group on its first input, and unknown paths in the summary only", () => {
    const fields = formFields("organisation");
    const inputs = renderedInputs(fields, {});
    const { summary } = placeIssues(inputs, [
      { path: "valid", message: "overlaps another version" },
      { path: "", message: "the entity is gone" },
    ]);
    expect(summary[0]).toMatchObject({ fieldId: "f-valid-from" });
    expect(summary[1]).toEqual({ message: "the entity is gone" });
  });
});
