import { describe, expect, it } from "vitest";
import { call, expectProblem } from "./harness.js";

describe("lookups refuse bad input with 400 and unknown keys with 404", () => {
  it("postcode", async () => {
    const bad = await expectProblem(
      await call("/v1/lookup/postcode/NOTAPOSTCODE"),
      400,
      "invalid-request",
    );
    expect(bad.errors).toEqual([expect.objectContaining({ path: "path.postcode" })]);
    await expectProblem(await call("/v1/lookup/postcode/ZZ99%209ZZ"), 404, "not-found");
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
