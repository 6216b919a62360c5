/**
 * Codes wherever ids: filters and path lookups take ONS GSS and NHS ODS codes as well as
 * ids, resolved on the read's date; list items of practices and PCNs carry the
 * organisations a client asks for next.
 */
import { describe, expect, it } from "vitest";
import { okOf, resources } from "./answers.js";
import { dataset } from "./fixtures.js";
import { call, expectProblem, getJson } from "./harness.js";

const organisations = resources.organisations.routes;
const page = okOf(organisations.list);
const one = okOf(organisations.get);

const trafford = dataset.places.find((p) => p.name === "Trafford" && p.valid.to === null);
const odsOf = (id: string) =>
  dataset.organisations.find((o) => o.id === id)?.codes.find((c) => c.system === "ods")?.value;

describe("GP practices in Trafford, by its GSS code, each with its PCN", () => {
  it("answers the practices of the place, the same as by id, in one call", async () => {
    if (trafford === undefined) throw new Error("no Trafford in the dataset");
    const byCode = await getJson(
      "/v1/organisations?kind=gp-practice&placeId=E08000009&limit=1000",
      page,
    );
    const byId = await getJson(
      `/v1/organisations?kind=gp-practice&placeId=${trafford.id}&limit=1000`,
      page,
    );
    expect(byCode.data.length).toBeGreaterThan(20);
    expect(byCode.data.map((o) => o.id)).toEqual(byId.data.map((o) => o.id));
    for (const practice of byCode.data) {
      expect(practice.kind).toBe("gp-practice");
      expect(practice.placeId).toBe(trafford.id);
      expect(practice).toHaveProperty("pcn");
      expect(practice.subIcbLocation?.code).toBe("02A");
    }
    const withPcn = byCode.data.filter((practice) => practice.pcn != null);
    expect(withPcn.length / byCode.data.length).toBeGreaterThan(0.9);
    // Each PCN named is the one the register records the practice as a member of.
    const barrington = byCode.data.find((p) => p.codes.some((c) => c.value === "P91603"));
    expect(barrington?.pcn).toEqual({
      id: expect.stringMatching(/^org_/),
      code: "U42898",
      name: "SOUTH TRAFFORD PCN",
    });
    const membership = dataset.relationships.find(
      (r) => r.kind === "member-of" && r.subjectId === barrington?.id && r.valid.to === null,
    );
    expect(odsOf(membership?.objectId ?? "")).toBe("U42898");
  });

  it("a PCN's list item carries its sub-ICB location; other organisations carry nothing", async () => {
    const pcns = await getJson("/v1/organisations?kind=pcn&placeId=E08000009", page);
    expect(pcns.data.length).toBeGreaterThan(3);
    for (const pcn of pcns.data) {
      expect(pcn.subIcbLocation?.code).toBe("02A");
      expect(pcn).not.toHaveProperty("pcn");
    }
    const trusts = await getJson("/v1/organisations?kind=nhs-trust&limit=5", page);
    for (const trust of trusts.data) {
      expect(trust).not.toHaveProperty("pcn");
      expect(trust).not.toHaveProperty("subIcbLocation");
    }
  });

  it("takes codes in lower case and in other filters (a PCN's ODS code for pcnId)", async () => {
    const lower = await getJson("/v1/organisations?kind=gp-practice&placeId=e08000009", page);
    expect(lower.data.length).toBeGreaterThan(20);
    const neighbourhoods = await getJson(
      "/v1/neighbourhoods?pcnId=U42898",
      okOf(resources.neighbourhoods.routes.list),
    );
    expect(neighbourhoods.data.map((n) => n.name)).toContain("SOUTH TRAFFORD PCN");
  });
});

describe("path lookups by code", () => {
  it("an organisation by its ODS code, a place by its GSS code", async () => {
    const practice = await getJson("/v1/organisations/P91603", one);
    expect(practice.data.name).toBe("BARRINGTON MEDICAL CENTRE");
    const byId = await getJson(`/v1/organisations/${practice.data.id}`, one);
    expect(byId.data).toEqual(practice.data);
    const place = await getJson("/v1/places/E08000009", okOf(resources.places.routes.get));
    expect(place.data.name).toBe("Trafford");
  });

  it("a code as held on the date: NHS Trafford CCG (02A) in 2018", async () => {
    const ccg = await getJson("/v1/organisations/02A?validAt=2018-01-01", one);
    expect(ccg.data.kind).toBe("ccg");
    expect(ccg.data.name).toMatch(/Trafford/i);
  });

  it("404s a code nothing holds, 400s a filter code nothing ever held", async () => {
    await expectProblem(await call("/v1/organisations/ZZZ999"), 404, "not-found");
    await expectProblem(await call("/v1/places/E08999999"), 404, "not-found");
    const problem = await expectProblem(
      await call("/v1/organisations?placeId=E08999999"),
      400,
      "invalid-request",
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: "query.placeId" })]);
    await expectProblem(await call("/v1/organisations?placeId=not%20a%20code"), 400);
  });
});
