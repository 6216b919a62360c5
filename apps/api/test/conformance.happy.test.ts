/**
 * The conformance hook (`conformance.ts`, run by the harness's `call` on every response of
 * every suite) holds answers to the served document: the answers with nulls that used to
 * break their schema pass, and an answer that breaks its schema, or a status or media type
 * the document does not give, fails.
 */
import { describe, expect, it } from "vitest";
import { checkConformance } from "./conformance.js";
import { api, call } from "./harness.js";

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });

describe("answers holding null conform to the document", () => {
  it("a practice before its PCN existed: membership and pcn are null", async () => {
    const response = await call("/v1/lookup/practice/P91603?validAt=2018-01-01");
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.membership).toBeNull();
    expect(data.pcn).toBeNull();
  });

  it("a postcode before the ICB: icb and subIcbLocation are null, the CCG is not", async () => {
    const response = await call("/v1/lookup/postcode/M32%200JG?validAt=2018-01-01");
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.icb).toBeNull();
    expect(data.subIcbLocation).toBeNull();
    expect(data.ccg).not.toBeNull();
  });

  it("a postcode as the register stood before its directory was recorded: a 404 problem", async () => {
    const response = await call("/v1/lookup/postcode/M32%200JG?asOf=2000-01-01T00:00:00Z");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("an LSOA and a list at an early date", async () => {
    expect((await call("/v1/areas/lsoas/E01006112?validAt=2010-01-01")).status).toBe(200);
    expect((await call("/v1/organisations?validAt=2010-01-01&kind=ccg&limit=5")).status).toBe(200);
  });
});

describe("the hook fails a response that breaks the document", () => {
  const base = () => api().url;

  it("a body that breaks its schema", async () => {
    await expect(
      checkConformance(base(), "GET", "/v1/places", json({ data: [{ id: 1 }], dataVersion: 1 })),
    ).rejects.toThrow(/breaks its schema/);
    await expect(
      checkConformance(
        base(),
        "GET",
        "/v1/lookup/practice/P91603",
        json({ data: { practice: null }, dataVersion: 1 }),
      ),
    ).rejects.toThrow(/breaks its schema/);
  });

  it("a problem that is not a problem", async () => {
    await expect(
      checkConformance(
        base(),
        "GET",
        "/v1/places/plc_zzzzzzzzzzzzzz",
        json({ message: "nope" }, 404, "application/problem+json"),
      ),
    ).rejects.toThrow(/breaks its schema/);
  });

  it("a status or media type the operation does not document", async () => {
    await expect(
      checkConformance(base(), "GET", "/v1/places", json({}, 418, "application/problem+json")),
    ).rejects.toThrow(/not documented/);
    await expect(
      checkConformance(base(), "GET", "/v1/places", json({}, 200, "text/html")),
    ).rejects.toThrow(/the document says/);
  });

  it("passes the real answer it is given", async () => {
    const response = await fetch(`${base()}/v1/places?limit=2`);
    await expect(checkConformance(base(), "GET", "/v1/places?limit=2", response)).resolves.toBe(
      undefined,
    );
  });
});
