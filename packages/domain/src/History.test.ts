import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endHistory, lifetime, putVersion, versionAt } from "./History.js";
import { contains, overlaps, type Period } from "./Period.js";

// Dates are day numbers from 2019-12-25 over a short range (it spans 29 February 2020 and a
// year end) so that generated periods often touch, nest and overlap.
const origin = Date.UTC(2019, 11, 25);
const days = 90;
const dateOf = (day: number): string =>
  new Date(origin + day * 86_400_000).toISOString().slice(0, 10);
const probes = Array.from({ length: days + 6 }, (_, i) => dateOf(i - 3));

interface Labelled {
  readonly label: string;
  readonly valid: Period;
}

// A well-formed history: cut points b0 < b1 < …; each slice [b_i, b_i+1) is a version or a
// gap; after the last cut point the history is open-ended or stops.
const historyArb: fc.Arbitrary<Labelled[]> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: days }), { maxLength: 7 }),
    keep: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    open: fc.boolean(),
  })
  .map(({ cuts, keep, open }) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const history: Labelled[] = [];
    sorted.forEach((from, i) => {
      const to = sorted[i + 1];
      if (to === undefined) {
        if (open) history.push({ label: `h${i}`, valid: { from: dateOf(from), to: null } });
      } else if (keep[i]) {
        history.push({ label: `h${i}`, valid: { from: dateOf(from), to: dateOf(to) } });
      }
    });
    return history;
  });

const versionArb: fc.Arbitrary<Labelled> = fc
  .tuple(fc.integer({ min: 0, max: days - 1 }), fc.option(fc.integer({ min: 1, max: days })))
  .map(([start, length]) => ({
    label: "new",
    valid: {
      from: dateOf(start),
      to: length === null ? null : dateOf(Math.min(start + length, days)),
    },
  }));

const dateArb = fc.integer({ min: -2, max: days + 2 }).map(dateOf);

/** Sorted by start, each period non-empty, no two overlapping. */
const wellFormed = (history: ReadonlyArray<Labelled>): boolean =>
  history.every(
    (version, i) =>
      (version.valid.to === null || version.valid.from < version.valid.to) &&
      history.slice(i + 1).every((later) => later.valid.from > version.valid.from) &&
      history.slice(i + 1).every((later) => !overlaps(version.valid, later.valid)),
  );

const labelAt = (history: ReadonlyArray<Labelled>, date: string) => versionAt(history, date)?.label;

describe("putVersion", () => {
  it("splits a version that straddles the new one", () => {
    const history: Labelled[] = [{ label: "old", valid: { from: "2020-01-01", to: null } }];
    expect(
      putVersion(history, { label: "interim", valid: { from: "2021-01-01", to: "2022-01-01" } }),
    ).toEqual([
      { label: "old", valid: { from: "2020-01-01", to: "2021-01-01" } },
      { label: "interim", valid: { from: "2021-01-01", to: "2022-01-01" } },
      { label: "old", valid: { from: "2022-01-01", to: null } },
    ]);
  });

  it("replaces the versions it covers and trims those at its edges", () => {
    const history = [
      { label: "a", valid: { from: "2020-01-01", to: "2020-06-01" } },
      { label: "b", valid: { from: "2020-06-01", to: "2021-01-01" } },
      { label: "c", valid: { from: "2021-01-01", to: null } },
    ];
    expect(
      putVersion(history, { label: "x", valid: { from: "2020-03-01", to: "2021-02-01" } }),
    ).toEqual([
      { label: "a", valid: { from: "2020-01-01", to: "2020-03-01" } },
      { label: "x", valid: { from: "2020-03-01", to: "2021-02-01" } },
      { label: "c", valid: { from: "2021-02-01", to: null } },
    ]);
  });

  it("puts the first version into an empty history", () => {
    const version = { label: "x", valid: { from: "2020-01-01", to: null } };
    expect(putVersion([], version)).toEqual([version]);
  });

  it("never overlaps, and is the new version inside its period and the old history outside", () => {
    fc.assert(
      fc.property(historyArb, versionArb, (history, version) => {
        const before = structuredClone(history);
        const result = putVersion(history, version);
        expect(wellFormed(result)).toBe(true);
        for (const date of probes) {
          if (contains(version.valid, date)) expect(versionAt(result, date)).toBe(version);
          else expect(labelAt(result, date)).toBe(labelAt(history, date));
        }
        expect(history).toEqual(before);
      }),
    );
  });

  it("stays well formed under a sequence of updates", () => {
    fc.assert(
      fc.property(fc.array(versionArb, { maxLength: 12 }), (versions) => {
        const result = versions
          .map((version, i) => ({ ...version, label: `v${i}` }))
          .reduce<Labelled[]>((history, version) => putVersion(history, version), []);
        expect(wellFormed(result)).toBe(true);
        // The last update wins wherever it is valid; each date shows the latest update
        // that covered it.
        for (const date of probes) {
          const latest = versions.findLastIndex((version) => contains(version.valid, date));
          expect(labelAt(result, date)).toBe(latest === -1 ? undefined : `v${latest}`);
        }
      }),
    );
  });
});

describe("endHistory", () => {
  it("ends the open version on the date", () => {
    expect(endHistory([{ valid: { from: "2013-04-01", to: null } }], "2017-04-01")).toEqual([
      { valid: { from: "2013-04-01", to: "2017-04-01" } },
    ]);
  });

  it("drops versions that start on or after the date", () => {
    const history = [
      { label: "a", valid: { from: "2013-04-01", to: "2017-04-01" } },
      { label: "b", valid: { from: "2017-04-01", to: null } },
    ];
    expect(endHistory(history, "2017-04-01")).toEqual([history[0]]);
    expect(endHistory(history, "2013-04-01")).toEqual([]);
  });

  it("leaves nothing valid on or after the date and changes nothing before it", () => {
    fc.assert(
      fc.property(historyArb, dateArb, (history, date) => {
        const before = structuredClone(history);
        const result = endHistory(history, date);
        expect(wellFormed(result)).toBe(true);
        for (const probe of probes) {
          if (probe >= date) expect(versionAt(result, probe)).toBeUndefined();
          else expect(labelAt(result, probe)).toBe(labelAt(history, probe));
        }
        const span = lifetime(result);
        expect(span === undefined || (span.to !== null && span.to <= date)).toBe(true);
        expect(history).toEqual(before);
      }),
    );
  });
});

describe("lifetime", () => {
  it("spans from the first day to the end of the last version, gaps included", () => {
    expect(
      lifetime([
        { valid: { from: "2013-04-01", to: "2014-01-01" } },
        { valid: { from: "2017-04-01", to: "2022-07-01" } },
      ]),
    ).toEqual({ from: "2013-04-01", to: "2022-07-01" });
    expect(lifetime([{ valid: { from: "2013-04-01", to: null } }])).toEqual({
      from: "2013-04-01",
      to: null,
    });
    expect(lifetime([])).toBeUndefined();
  });

  it("is the smallest period containing every valid day", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const span = lifetime(history);
        if (history.length === 0) {
          expect(span).toBeUndefined();
          return;
        }
        if (span === undefined) throw new Error("a non-empty history has a lifetime");
        for (const date of probes) {
          if (versionAt(history, date) !== undefined) expect(contains(span, date)).toBe(true);
        }
        expect(versionAt(history, span.from)).toBeDefined();
        expect(span.to === null).toBe(history.some((version) => version.valid.to === null));
      }),
    );
  });
});

describe("versionAt", () => {
  const history = [
    { label: "A", valid: { from: "2013-04-01", to: "2017-04-01" } },
    { label: "B", valid: { from: "2017-04-01", to: null } },
  ];

  it("finds the version valid on a date, half-open", () => {
    expect(versionAt(history, "2017-03-31")?.label).toBe("A");
    expect(versionAt(history, "2017-04-01")?.label).toBe("B");
    expect(versionAt(history, "2013-03-31")).toBeUndefined();
  });
});
