/**
 * Validating a register of 10,000 entity versions: `Snapshot.parse` alone, and parse plus
 * every rule (`checkSnapshot`). Target: parse + all rules ≤ 100 ms. Run with `pnpm bench`
 * in this package. The code measured is the package bundled as it ships (see bundle.ts).
 */
import { expect, test } from "vitest";
import { importBundledDomain } from "./bundle.js";
import { entityCount, syntheticCounts, syntheticSnapshot } from "./syntheticSnapshot.js";

test("validate a synthetic snapshot of 10,000 entities", async ({ bench }) => {
  const { checkSnapshot, collections, entityKinds, Snapshot } = await importBundledDomain();
  // Plain data, as read from a file: no shared references with the parsed result.
  const input: unknown = JSON.parse(JSON.stringify(syntheticSnapshot()));

  // What is measured is what is claimed: 10,000 valid versions that the rules pass.
  const parsed = Snapshot.parse(input);
  expect(entityCount(parsed)).toBe(10_000);
  expect(parsed.lsoas).toHaveLength(1_700);
  for (const kind of entityKinds) {
    expect([kind, parsed[collections[kind]].length]).toEqual([kind, syntheticCounts[kind]]);
  }
  const findings = checkSnapshot(parsed);
  expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
  console.info(
    `${findings.length} warnings: ${[...new Set(findings.map((f) => f.rule))].join(", ") || "none"}`,
  );

  await bench.compare(
    bench("Snapshot.parse (10,000 entities + 1,700 LSOAs)", () => {
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
