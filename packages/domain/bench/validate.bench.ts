/**
 * Validating a register of about 10,000 entity versions (the default `syntheticRegister`):
 * `Snapshot.parse` alone, and parse plus every rule (`checkSnapshot`). Target: parse + all
 * rules ≤ 100 ms. Run with `pnpm bench` in this package. The code measured is the package
 * bundled as it ships (see bundle.ts).
 */
import { expect, test } from "vitest";
import { entityVersionCount, syntheticRegister } from "../src/testing/syntheticRegister.js";
import { importBundledDomain } from "./bundle.js";

test("validate a synthetic register of about 10,000 entity versions", async ({ bench }) => {
  const { checkSnapshot, Snapshot } = await importBundledDomain();
  // Plain data, as read from a file: no shared references with the parsed result.
  const input: unknown = JSON.parse(JSON.stringify(syntheticRegister()));

  // What is measured is what is claimed: about 10,000 valid versions that the rules pass.
  const parsed = Snapshot.parse(input);
  const versions = entityVersionCount(parsed);
  expect(versions).toBeGreaterThanOrEqual(10_000);
  expect(parsed.lsoas).toHaveLength(1_750);
  expect(checkSnapshot(parsed)).toEqual([]);

  await bench.compare(
    bench(`Snapshot.parse (${versions} entity versions + 1,750 LSOAs)`, () => {
      Snapshot.parse(input);
    }),
    bench("Snapshot.parse + checkSnapshot (all rules)", () => {
      checkSnapshot(Snapshot.parse(input));
    }),
    bench("checkSnapshot alone (already parsed)", () => {
      checkSnapshot(parsed);
    }),
    { time: 3_000, warmupTime: 500 },
  );
});
