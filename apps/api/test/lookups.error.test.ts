import { describe, expect, it } from "vitest";
import { call, expectProblem } from "./harness.js";

describe("a valid postcode outside the postcodes the register holds", () => {
  it("BL1 1RU while only Trafford's postcodes are loaded: outside-coverage, naming them and ONSPD", async () => {
    const body = await expectProblem(
      await call("/v1/lookup/postcode/BL1%201RU"),
      404,
      "outside-coverage",
    );
    expect(body.title).toBe("Outside the postcodes the register holds");
    expect(body.detail).toBe(
      "the register holds no postcode BL1 1RU: it holds the postcodes of Trafford (E08000009): 11,264 only. To look up postcodes anywhere in the UK, load the ONS Postcode Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL), from the ONS Open Geography Portal, with an import of kind ons-postcodes.",
    );
    const bulk = await call("/v1/lookup/postcodes", {
      method: "POST",
      body: JSON.stringify({ postcodes: ["BL1 1RU"] }),
    });
    const answer = (await bulk.json()) as { data: { error: { code: string } | null }[] };
    expect(answer.data[0]?.error?.code).toBe("outside-coverage");
  });
});

describe("lookups refuse bad input with 400 and unknown keys with 404", () => {
  it("postcode", async () => {
    const bad = await expectProblem(
      await call("/v1/lookup/postcode/NOTAPOSTCODE"),
      400,
      "invalid-request",
    );
    expect(bad.errors).toEqual([expect.objectContaining({ path: "path.postcode" })]);
    // A valid postcode the register does not hold: its own problem (only Trafford's are loaded).
    await expectProblem(await call("/v1/lookup/postcode/ZZ99%209ZZ"), 404, "outside-coverage");
    await expectProblem(
      await call("/v1/lookup/postcode/M32%200JG?validAt=nope"),
      400,
      "invalid-request",
    );
  });

  it("bulk postcodes: empty, too many, not a list", async () => {
    const post = (body: unknown) =>
      call("/v1/lookup/postcodes", { method: "POST", body: JSON.stringify(body) });
    await expectProblem(await post({ postcodes: [] }), 400, "invalid-request");
    await expectProblem(
      await post({ postcodes: Array(20_001).fill("M1 1AA") }),
      400,
      "invalid-request",
    );
    await expectProblem(await post({ postcodes: "M1 1AA" }), 400, "invalid-request");
    await expectProblem(
      await post({ postcodes: ["M1 1AA"], asOf: "tomorrow" }),
      400,
      "invalid-request",
    );
  });

  it("practice", async () => {
    await expectProblem(await call("/v1/lookup/practice/12345"), 400, "invalid-request");
    await expectProblem(await call("/v1/lookup/practice/Z99999"), 404, "not-found");
  });

  it("code", async () => {
    await expectProblem(await call("/v1/lookup/code/%21%21"), 400, "invalid-request");
    await expectProblem(await call("/v1/lookup/code/ZZZ999"), 404, "not-found");
    await expectProblem(await call("/v1/lookup/code/QOP?system=xyz"), 400, "invalid-request");
  });

  it("lsoa", async () => {
    await expectProblem(await call("/v1/areas/lsoas/E02000001"), 400, "invalid-request");
    await expectProblem(await call("/v1/areas/lsoas/E01999999"), 404, "not-found");
  });

  it("wrong methods are 405", async () => {
    await expectProblem(await call("/v1/lookup/postcodes"), 405, "method-not-allowed");
    await expectProblem(
      await call("/v1/lookup/postcode/M320JG", { method: "POST", body: "{}" }),
      405,
    );
  });
});
