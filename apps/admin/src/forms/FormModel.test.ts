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

/** One line per field: `name: type "Label" flags`, nested fields indented under their group. */
const outline = (fields: ReadonlyArray<FormField>, indent: string): string[] =>
  fields.flatMap((f) => {
    const flags = [
      "required" in f && f.required ? "required" : "",
      "nullable" in f && f.nullable ? "nullable" : "",
      "integer" in f && f.integer ? "integer" : "",
      "multiline" in f && f.multiline ? "multiline" : "",
      "kind" in f ? `kind=${f.kind ?? "any"}` : "",
      "options" in f ? `options=${f.options.join("|")}` : "",
      f.hint === undefined ? "" : `hint=${JSON.stringify(f.hint)}`,
    ].filter((flag) => flag !== "");
    const line = `${indent}${f.name}: ${f.type} ${JSON.stringify(f.label)} ${flags.join(" ")}`;
    return [line.trimEnd(), ...("fields" in f ? outline(f.fields, `${indent}  `) : [])];
  });

describe("the form of every entity kind", () => {
  it("has these fields, labels, hints, types and reference kinds, in this order", () => {
    const forms = entityKinds.map((kind) => [kind, ...outline(formFields(kind), "  ")].join("\n"));
    expect(forms.join("\n")).toBe(expectedForms);
  });
});

const expectedForms = `system
  name: text "Name" required hint="The system's name, e.g. 'Greater Manchester'."
  codes: rows "Codes" hint="Its codes: the ONS GSS code of its ICB area (E54…), with their periods."
    codes.#.system: choice "Code system" required options=ods|gss
    codes.#.value: text "Value" required hint="The code itself, e.g. P91603 (ODS) or E08000009 (GSS)."
    codes.#.period: group "Period"
      codes.#.period.from: date "From" required hint="First day the fact was true."
      codes.#.period.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  icbId: reference "Integrated care board" kind=organisation hint="The integrated care board that allocates NHS resources."
  description: text "Description" multiline hint="What the system covers, in a sentence."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
place
  name: text "Name" required hint="The place's name, e.g. 'Trafford'."
  systemId: reference "System" required kind=system hint="The system the place is part of."
  codes: rows "Codes" hint="Its codes: the ONS GSS code of its local authority district (E08…), with their periods."
    codes.#.system: choice "Code system" required options=ods|gss
    codes.#.value: text "Value" required hint="The code itself, e.g. P91603 (ODS) or E08000009 (GSS)."
    codes.#.period: group "Period"
      codes.#.period.from: date "From" required hint="First day the fact was true."
      codes.#.period.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  councilId: reference "Council" kind=organisation hint="The local authority for the place."
  subIcbLocationId: reference "Sub-ICB location" kind=organisation hint="The NHS sub-ICB location for the place."
  placeBasedLead: group "Place-based lead" hint="The person who coordinates a place's partnership."
    placeBasedLead.title: text "Title" required hint="The role, e.g. 'Place-based lead'."
    placeBasedLead.holder: text "Holder" hint="The person, where a source names them."
    placeBasedLead.organisationId: reference "Organisation" kind=organisation hint="The organisation the place-based lead comes from."
  population: group "Population" hint="The place's population, e.g. the Census count summed over its LSOAs."
    population.value: number "Value" required integer hint="The number of people."
    population.basis: choice "Basis" required options=resident|registered
    population.date: date "Date" required hint="The date the figure describes."
    population.source: text "Source" required hint="A short, stable key naming a source in the register."
    population.derivation: text "Derivation" multiline hint="How the figure was worked out, when it is a sum or an estimate."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
neighbourhoodScheme
  name: text "Name" required hint="The scheme's name."
  systemId: reference "System" required kind=system hint="The system whose neighbourhoods the scheme defines."
  placeId: reference "Place" kind=place hint="Set when the scheme covers one place only."
  basis: choice "Basis" required options=geographic|registered-population|mixed
  status: choice "Status" required options=official|derived|proposed
  description: text "Description" multiline hint="What the scheme is and where its definitions come from."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
neighbourhood
  name: text "Name" required hint="The neighbourhood's name."
  placeId: reference "Place" required kind=place hint="The place the neighbourhood is in."
  schemeId: reference "Neighbourhood scheme" required kind=neighbourhoodScheme hint="The neighbourhood scheme it is part of."
  footprint: group "Footprint" required hint="A neighbourhood's LSOAs and/or registered-list basis."
    footprint.lsoas: lines "LSOAs" kind=any hint="For a geographic footprint: the LSOA 2021 codes it covers."
    footprint.pcnIds: lines "PCNs" kind=organisation hint="For a registered-population footprint: the PCNs whose practices' lists it covers."
    footprint.practiceIds: lines "GP practices" kind=organisation hint="For a registered-population footprint: the GP practices whose lists it covers."
  population: group "Population" hint="A population figure with its basis, date and source."
    population.value: number "Value" required integer hint="The number of people."
    population.basis: choice "Basis" required options=resident|registered
    population.date: date "Date" required hint="The date the figure describes."
    population.source: text "Source" required hint="A short, stable key naming a source in the register."
    population.derivation: text "Derivation" multiline hint="How the figure was worked out, when it is a sum or an estimate."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
organisation
  kind: choice "Kind" required options=icb|sub-icb-location|ccg|local-authority|combined-authority|nhs-trust|gp-practice|pcn|vcfse|police|other
  name: text "Name" required hint="The organisation's name in this version."
  codes: rows "Codes" hint="Its ODS and GSS codes, each with its period when it changed."
    codes.#.system: choice "Code system" required options=ods|gss
    codes.#.value: text "Value" required hint="The code itself, e.g. P91603 (ODS) or E08000009 (GSS)."
    codes.#.period: group "Period"
      codes.#.period.from: date "From" required hint="First day the fact was true."
      codes.#.period.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  roles: rows "Roles" hint="The roles it holds (commissioner, provider…), each with its period."
    roles.#.role: choice "Role" required options=commissioner|provider|primary-care-provider|convenor|partner hint="A role an organisation plays in the system."
    roles.#.period: group "Period" required
      roles.#.period.from: date "From" required hint="First day the fact was true."
      roles.#.period.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  placeId: reference "Place" kind=place hint="The place the organisation is in or serves, when it is one place."
  parentId: reference "Parent organisation" kind=organisation hint="e.g. a sub-ICB location's ICB."
  postcode: text "Postcode" hint="A UK postcode in canonical form, e.g. M32 0JG."
  population: group "Population" hint="For a GP practice: its registered list size, with its date and source."
    population.value: number "Value" required integer hint="The number of people."
    population.basis: choice "Basis" required options=resident|registered
    population.date: date "Date" required hint="The date the figure describes."
    population.source: text "Source" required hint="A short, stable key naming a source in the register."
    population.derivation: text "Derivation" multiline hint="How the figure was worked out, when it is a sum or an estimate."
  officers: rows "Officers" hint="Office holders a source names for this version (chair, chief executive…)."
    officers.#.name: text "Name" required hint="The office holder's name, as the source gives it."
    officers.#.title: text "Title" required hint="The office held, e.g. Chief Executive."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
relationship
  kind: choice "Kind" required options=member-of|lead-of|chair-of|accountable-to|reports-to|hosted-by|part-of hint="How the subject relates to the object."
  subjectId: reference "Subject" required kind=any hint="A Care Atlas id: a kind prefix, \`_\`, 8–40 of [0-9a-z]."
  objectId: reference "Object" required kind=any hint="A Care Atlas id: a kind prefix, \`_\`, 8–40 of [0-9a-z]."
  role: text "Role" hint="e.g. 'lead provider', 'voting member'."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
succession
  kind: choice "Kind" required options=merge|split|rename|transfer
  predecessorIds: lines "Predecessors" kind=any hint="The entities that ended on the date."
  successorIds: lines "Successors" kind=any hint="The entities that carried them on from the date."
  note: text "Note" multiline hint="What happened, in words."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
governanceBody
  kind: choice "Kind" required options=partnership-board|locality-board|joint-commissioning-board|joint-commissioning-executive|committee|other hint="The kind of governance body."
  name: text "Name" required hint="The body's name."
  level: choice "Level" required options=system|place|neighbourhood hint="A level of the care system: system, place or neighbourhood."
  systemId: reference "System" kind=system hint="For a system-level body: the system."
  placeId: reference "Place" kind=place hint="For a place-level body: the place."
  chair: group "Chair" hint="The chair of a body."
    chair.name: text "Name" required hint="The chair's name, as the source gives it."
    chair.title: text "Title" hint="The chair's title or role, when the source gives it."
  commissions: boolean "Takes commissioning decisions" hint="Whether the body takes commissioning decisions."
  delegatedLimitPence: number "Delegated limit (pence)" nullable integer hint="The largest single decision the body may take; null when no limit is recorded."
  responsibilityPence: number "Responsibility (pence)" integer hint="The total value of decisions the body is responsible for, where a source states it."
  purpose: text "Purpose" multiline hint="What the body is for, as its terms of reference put it."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
collaborative
  name: text "Name" required hint="The collaborative's name."
  level: choice "Level" required options=system|place|neighbourhood hint="A level of the care system: system, place or neighbourhood."
  systemId: reference "System" kind=system hint="For a system-level collaborative: the system it works across."
  placeId: reference "Place" kind=place hint="For a place-level collaborative: the place it works in."
  neighbourhoodId: reference "Neighbourhood" kind=neighbourhood hint="For a neighbourhood-level collaborative: the neighbourhood it works in."
  purposes: choices "Purposes" options=reduce-unwarranted-variation|mutual-aid-resilience|specialisation-consolidation|integration hint="What the collaborative is for: one or more of the purposes the GM partnership names."
  description: text "Description" multiline hint="What the collaborative does, in its own words."
  strategyLinks: lines "Strategy links" kind=strategyElement hint="The strategy elements (outcomes, commitments) it serves."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
team
  name: text "Name" required hint="The team's name."
  neighbourhoodId: reference "Neighbourhood" required kind=neighbourhood hint="The neighbourhood the team serves."
  leadOrganisationId: reference "Lead organisation" kind=organisation hint="The organisation that leads the team."
  gpLed: boolean "GP-led" hint="Whether general practice leads the team."
  members: rows "Members" hint="The roles in the team (from the controlled vocabulary) and who hosts each."
    members.#.role: choice "Role" required options=care-coordinator|community-safety-advisor|district-nurse|early-years-worker|environmental-health-officer|family-support-worker|focused-care-worker|health-visitor|housing-officer|key-worker|mental-health-practitioner|neighbourhood-beat-officer|community-safety-officer|pharmacist|police-community-support-officer|social-worker|substance-misuse-worker|vcs-worker hint="A role in an integrated neighbourhood team (18 roles)."
    members.#.hostOrganisationId: reference "Host organisation" required kind=organisation hint="The organisation that employs or hosts the people in the role."
    members.#.headcount: number "Headcount" integer hint="How many people hold the role, when known."
  strategyLinks: lines "Strategy links" kind=strategyElement hint="The strategy elements (outcomes, commitments) it serves."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
pooledBudget
  name: text "Name" required hint="The pooled budget's name."
  placeId: reference "Place" kind=place hint="The place the budget serves."
  hostId: reference "Host organisation" required kind=organisation hint="The organisation that hosts the budget."
  partnerIds: lines "Partners" kind=organisation hint="The partner organisations that pool into it."
  governedById: reference "Governed by" kind=governanceBody hint="The board or executive that governs the budget."
  years: json "Years" hint="The budget's total and contributions per financial year."
  strategyLinks: lines "Strategy links" kind=strategyElement hint="The strategy elements (outcomes, commitments) it serves."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
decision
  bodyId: reference "Decision-making body" required kind=governanceBody hint="The commissioning body that took the decision."
  title: text "Title" required hint="What was decided, in a line."
  date: date "Date" required hint="A calendar date, YYYY-MM-DD."
  valuePence: number "Value (pence)" required integer hint="An amount of money in whole pence."
  serviceArea: text "Service area" required hint="The service area the decision is about, e.g. 'community health services'."
  providerIds: lines "Providers" kind=organisation hint="The providers the decision commissions."
  pooledBudgetId: reference "Pooled budget" kind=pooledBudget hint="The pooled budget that funds it, if any."
  strategyLinks: lines "Strategy links" kind=strategyElement hint="The strategy elements (outcomes, commitments) it serves."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."
strategyElement
  kind: choice "Kind" required options=aim|theme|vision|outcome|commitment hint="aim, theme, vision, outcome, or commitment (under an outcome)."
  framework: text "Framework" required hint="The document or strategy it belongs to."
  title: text "Title" hint="A short name, where the source gives one."
  text: text "Text" required multiline hint="The element's words, as the strategy puts them."
  parentId: reference "Parent outcome" kind=strategyElement hint="For a commitment, its outcome."
  order: number "Order" required integer hint="Its position among its parent's elements, from 0."
  valid: group "Valid" required hint="When this version was true in the world."
    valid.from: date "From" required hint="First day the fact was true."
    valid.to: date "To (first day no longer true)" required nullable hint="First day it was no longer true; null while still true."
  provenance: group "Provenance" required hint="The sources of a record and how it was derived."
    provenance.sources: lines "Sources" kind=any hint="The keys of the sources the record comes from."
    provenance.derivation: text "Derivation" multiline hint="How the value was derived, if it was not published as is."`;
