import { displayName } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { answers, okOf, resources } from "./answers.js";
import { dataset } from "./fixtures.js";
import { call, getJson, parseAnswer } from "./harness.js";

describe("GET /v1/lookup/postcode/{postcode}", () => {
  it("places M32 0JG in its LSOA, MSOA, ward, Trafford locality, place, sub-ICB location and ICB", async () => {
    const body = await getJson("/v1/lookup/postcode/m32%200jg", answers.postcode);
    expect(body.data.postcode.postcode).toBe("M32 0JG");
    expect(body.data.lsoa.code).toMatch(/^E01\d{6}$/);
    expect(body.data.lsoa.msoa?.code).toMatch(/^E02\d{6}$/);
    expect(body.data.place?.name).toBe("Trafford");
    expect(body.data.neighbourhoods.map((n) => n.neighbourhood.name).join()).toMatch(
      /Trafford locality/,
    );
    expect(body.data.icb?.codes.map((c) => c.value)).toContain("QOP");
    expect(body.data.subIcbLocation?.codes.map((c) => c.value)).toContain("02A");
  });

  it("normalises spacing and case and sends an ETag that 304s", async () => {
    const response = await call("/v1/lookup/postcode/M320JG");
    expect(response.status).toBe(200);
    const etag = response.headers.get("etag") ?? "";
    expect(
      (await call("/v1/lookup/postcode/M320JG", { headers: { "If-None-Match": etag } })).status,
    ).toBe(304);
  });
});

describe("GET /v1/lookup/postcode/{postcode} on a date: the commissioner and ward of the date", () => {
  it("M32 0JG on 2018-01-01 is in NHS Trafford CCG (02A), with no sub-ICB location or ICB yet", async () => {
    const body = await getJson(
      "/v1/lookup/postcode/M32%200JG?validAt=2018-01-01",
      answers.postcode,
    );
    expect(body.data.ccg?.name).toBe("NHS Trafford CCG");
    expect(body.data.ccg?.codes.map((c) => c.value)).toContain("02A");
    expect(body.data.commissioner).toMatchObject({ kind: "ccg", code: "02A", basis: "lsoa" });
    expect(body.data.commissioner?.lookup.vintage).toEqual({ year: 2016, from: "2016-04-01" });
    expect([body.data.subIcbLocation, body.data.icb]).toEqual([null, null]);
    expect(body.data.status).toBe("live");
  });

  it("M32 0JG answers one ward vintage for its date: the LSOA's 2022 ward in 2023, its own 2024 ward in 2025", async () => {
    const y2023 = await getJson(
      "/v1/lookup/postcode/M32%200JG?validAt=2023-01-01",
      answers.postcode,
    );
    expect(y2023.data.ward).toMatchObject({
      code: "E05000829",
      basis: "lsoa",
      vintage: { year: 2022 },
    });
    expect(y2023.data.postcode.wardCode).toBeUndefined();
    expect(y2023.data.lsoa.ward).toBeUndefined();
    const y2025 = await getJson(
      "/v1/lookup/postcode/M32%200JG?validAt=2025-06-01",
      answers.postcode,
    );
    expect(y2025.data.ward).toMatchObject({
      code: "E05015247",
      name: "Gorse Hill & Cornbrook",
      basis: "postcode",
      vintage: { year: 2024 },
    });
    expect(y2025.data.postcode.wardCode).toBe("E05015247");
    expect(y2025.data.subIcbLocation?.codes.map((c) => c.value)).toContain("02A");
    expect(y2025.data.commissioner?.kind).toBe("sub-icb-location");
  });

  it("a Glossop LSOA: Tameside and Glossop CCG until 2022-07-01, NHS Derby and Derbyshire ICB from then", async () => {
    const code = "E01019727";
    const before = await getJson(`/v1/areas/lsoas/${code}?validAt=2022-06-30`, answers.lsoa);
    expect(before.data.lsoa).toBeNull();
    expect(before.data.ccg?.name).toBe("NHS Tameside and Glossop CCG");
    const after = await getJson(`/v1/areas/lsoas/${code}?validAt=2022-07-01`, answers.lsoa);
    expect(after.data.commissioner).toMatchObject({
      code: "15M",
      organisation: null,
      icb: { code: "QJ2", name: "NHS Derby and Derbyshire Integrated Care Board" },
    });
  });
});

describe("POST /v1/lookup/postcodes", () => {
  it("answers each of 10,000 postcodes in order, with per-item errors", async () => {
    const csv = (await import("node:fs")).readFileSync(
      new URL(
        "../../../packages/data/raw/postcodes/trafford_postcodes_2025-02.csv",
        import.meta.url,
      ),
      "utf8",
    );
    const postcodes = csv
      .trim()
      .split("\n")
      .slice(1, 9_998)
      .map((line) => line.split(",")[0] ?? "");
    const inputs = [...postcodes, "not a postcode", "ZZ9 9ZZ", "m15 4ab"];
    const response = await call("/v1/lookup/postcodes", {
      method: "POST",
      body: JSON.stringify({ postcodes: inputs }),
    });
    const body = await parseAnswer(response, answers.postcodes);
    expect(body.data).toHaveLength(10_000);
    expect(body.data.map((item) => item.input)).toEqual(inputs);
    expect(body.data.at(-3)?.error?.code).toBe("invalid-postcode");
    // A valid postcode the register does not hold: outside its coverage (Trafford's only).
    expect(body.data.at(-2)?.error?.code).toBe("outside-coverage");
    expect(body.data.at(-1)?.postcode).toBe("M15 4AB");
    const first = body.data[0]?.result;
    expect(body.included.lsoas[first?.lsoaCode ?? ""]).toBeDefined();
    expect(body.included.places[first?.placeId ?? ""]?.name).toBe("Trafford");
    expect(body.found + body.failed).toBe(10_000);
    expect(body.failed).toBe(2);
  });
});

describe("GET /v1/lookup/practice/{odsCode}", () => {
  it("takes P82001 to its PCN, place and ICB", async () => {
    const body = await getJson("/v1/lookup/practice/p82001", answers.practice);
    expect(body.data.pcn?.codes.map((c) => c.value)).toContain("U79938");
    expect(body.data.place?.name).toBe("Bolton");
  });
});

describe("GET /v1/lookup/code/{code}", () => {
  it("finds the holder of a current code", async () => {
    const body = await getJson("/v1/lookup/code/QOP", answers.code);
    expect(body.data.closed).toBe(false);
    expect(body.data.matches.map((m) => m.kind)).toContain("organisation");
  });

  it("follows a closed CCG code (00W) to its successor today", async () => {
    const body = await getJson("/v1/lookup/code/00W", answers.code);
    expect(body.data.closed).toBe(true);
    expect(body.data.successors.length).toBeGreaterThan(0);
    const names = body.data.successors.map((s) => displayName(s.version)).join(" | ");
    expect(names).toMatch(/Manchester/i);
  });

  const idOf = (code: string) =>
    dataset.organisations.find((o) => o.codes.some((c) => c.system === "ods" && c.value === code))
      ?.id;

  it("leads from REX, through RW6, to RM3 (ODS's successor table)", async () => {
    const body = await getJson("/v1/lookup/code/REX", answers.code);
    expect(body.data.closed).toBe(true);
    const rm3 = body.data.successors.find((s) => s.id === idOf("RM3"));
    expect(rm3?.path).toEqual([idOf("REX"), idOf("RW6"), idOf("RM3")]);
  });

  it("lists RM3 and R0A as RW6's successors", async () => {
    const body = await getJson("/v1/lookup/code/RW6", answers.code);
    expect(body.data.closed).toBe(true);
    expect(body.data.successors.map((s) => s.id).sort()).toEqual([idOf("RM3"), idOf("R0A")].sort());
  });

  it("names the ICB as NHS Manchester CCG's successor from 2022-07-01", async () => {
    const organisation = okOf(resources.organisations.routes.get);
    const body = await getJson(`/v1/organisations/${idOf("14L")}?validAt=2022-06-30`, organisation);
    const handover = body.successors.find((s) => s.successorIds.includes(idOf("QOP") ?? ""));
    expect(handover?.valid.from).toBe("2022-07-01");
    expect(handover?.predecessorIds).toContain(idOf("14L"));
  });

  it("finds an LSOA by its GSS code", async () => {
    const lsoa = dataset.lsoas[0]?.code ?? "";
    const body = await getJson(`/v1/lookup/code/${lsoa}`, answers.code);
    expect(body.data.matches.map((m) => m.kind)).toContain("lsoa");
  });
});

describe("GET /v1/areas/lsoas/{code}", () => {
  it("returns the LSOA with its district's place", async () => {
    const lsoa = dataset.lsoas.find((l) => l.districtCode === "E08000009");
    const body = await getJson(`/v1/areas/lsoas/${lsoa?.code}`, answers.lsoa);
    expect(body.data.lsoa?.code).toBe(lsoa?.code);
    expect(body.data.place?.name).toBe("Trafford");
  });
});
