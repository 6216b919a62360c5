/**
 * Read-your-writes on one server (the multi-process case is test/cluster/standby.test.ts):
 * `Min-Data-Version` with the data version a write answered gets that version or later;
 * one the register has not reached is a 400 naming the header, a malformed one too.
 */
import { describe, expect, it } from "vitest";
import { create, newVersion } from "./fixtures.js";
import { call, expectProblem } from "./harness.js";

describe("Min-Data-Version", () => {
  it("answers from the version a write answered, or later", async () => {
    const make = newVersion["/v1/organisations"];
    if (make === undefined) throw new Error("no organisation fixture");
    const made = await create("/v1/organisations", make());
    const dataVersion = (made.body as { dataVersion: number }).dataVersion;
    const read = await call(`/v1/organisations/${made.id}`, {
      headers: { "Min-Data-Version": String(dataVersion) },
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { dataVersion: number }).dataVersion).toBeGreaterThanOrEqual(
      dataVersion,
    );
  });

  it("refuses a version the register has not reached, and a malformed one", async () => {
    const ahead = await expectProblem(
      await call("/v1/places", { headers: { "Min-Data-Version": "999999999" } }),
      400,
      "invalid-request",
    );
    expect(JSON.stringify(ahead.errors)).toContain("header.min-data-version");
    await expectProblem(
      await call("/v1/places", { headers: { "Min-Data-Version": "-1" } }),
      400,
      "invalid-request",
    );
  });
});
