import { checkSnapshot } from "@care-atlas/domain";
import { expect, test } from "vitest";
import { loadSnapshot } from "../src/index.js";

// Loading the Greater Manchester snapshot from disk, validating it with the domain schema,
// and running every domain rule over it.
test("load, validate and check the GM snapshot", async ({ bench }) => {
  const result = await bench("loadSnapshot() + checkSnapshot()", () => {
    const findings = checkSnapshot(loadSnapshot());
    if (findings.some((f) => f.severity === "error")) throw new Error("the snapshot breaks a rule");
  }).run();
  expect(result).toBeDefined();
});

test("load and validate only", async ({ bench }) => {
  const result = await bench("loadSnapshot()", () => {
    loadSnapshot();
  }).run();
  expect(result).toBeDefined();
});
