import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contains,
  gaps,
  IsoDate,
  intersect,
  merge,
  openFrom,
  overlaps,
  Period,
  today,
  validAt,
  within,
} from "./Period.js";

// Dates are generated as day numbers from 2019-12-25 over a short range, so that periods
// often touch, overlap and nest, then written as YYYY-MM-DD (the range spans 29 February
// 2020 and a year end).
const origin = Date.UTC(2019, 11, 25);
const days = 120;
const dateOf = (day: number): string =>
  new Date(origin + day * 86_400_000).toISOString().slice(0, 10);
// Every date a generated period can start, end or be probed at, with a margin either side.
const probes = Array.from({ length: days + 6 }, (_, i) => dateOf(i - 3));

const dateArb = fc.integer({ min: 0, max: days }).map(dateOf);
const periodArb: fc.Arbitrary<Period> = fc
  .tuple(
    fc.integer({ min: 0, max: days - 1 }),
    fc.option(fc.integer({ min: 1, max: days }), { freq: 4 }),
  )
  .map(([start, length]) => ({
    from: dateOf(start),
    to: length === null ? null : dateOf(Math.min(start + length, days)),
  }));
const periodsArb = fc.array(periodArb, { maxLength: 8 });

const coveredBy = (periods: ReadonlyArray<Period>, date: string) =>
  periods.some((period) => contains(period, date));
const parses = (period: Period) => Period.safeParse(period).success;

describe("IsoDate", () => {
  it.each(["2022-07-01", "2024-02-29", "1974-04-01"])("accepts %s", (date) => {
    expect(IsoDate.parse(date)).toBe(date);
  });

  it.each([
    "2023-02-29",
    "2023-13-01",
    "2023-04-31",
    "2023-1-01",
    "01/04/2023",
    "2023-04-01T00:00:00Z",
    "",
  ])("rejects %j", (date) => {
    const result = IsoDate.safeParse(date);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("must be a date, YYYY-MM-DD");
  });

  it("generated dates are valid dates", () => {
    for (const date of probes) expect(IsoDate.safeParse(date).success).toBe(true);
  });
});

describe("Period", () => {
  it("accepts a closed and an open-ended period", () => {
    expect(Period.parse({ from: "2017-04-01", to: "2022-07-01" })).toEqual({
      from: "2017-04-01",
      to: "2022-07-01",
    });
    expect(Period.parse(openFrom("2022-07-01"))).toEqual({ from: "2022-07-01", to: null });
  });

  it.each([
    ["to before from", { from: "2022-07-01", to: "2017-04-01" }, "to", "to must be after from"],
    [
      "to equal to from (an empty period)",
      { from: "2022-07-01", to: "2022-07-01" },
      "to",
      "to must be after from",
    ],
    ["a bad from", { from: "2022-02-30", to: null }, "from", "must be a date, YYYY-MM-DD"],
    ["a bad to", { from: "2022-01-01", to: "tomorrow" }, "to", "must be a date, YYYY-MM-DD"],
    [
      "a missing to (null is required for open-ended)",
      { from: "2022-01-01" },
      "to",
      "must be a date, YYYY-MM-DD",
    ],
  ])("rejects %s, naming the field", (_, value, path, message) => {
    const result = Period.safeParse(value);
    expect(result.success).toBe(false);
    expect(
      result.error?.issues.map((issue) => [issue.path.join("."), issue.message]),
    ).toContainEqual([path, message]);
  });

  it("does not blame to when only from is malformed", () => {
    const result = Period.safeParse({ from: "not-a-date", to: "2020-01-01" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["from"]);
  });
});

describe("contains", () => {
  it("is half-open: includes from, excludes to", () => {
    const period = { from: "2017-04-01", to: "2022-07-01" };
    expect(contains(period, "2017-03-31")).toBe(false);
    expect(contains(period, "2017-04-01")).toBe(true);
    expect(contains(period, "2022-06-30")).toBe(true);
    expect(contains(period, "2022-07-01")).toBe(false);
    expect(contains(openFrom("2017-04-01"), "9999-12-31")).toBe(true);
  });
});

describe("period algebra laws", () => {
  it("overlaps is symmetric and means 'shares a day'", () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        expect(overlaps(a, b)).toBe(probes.some((d) => contains(a, d) && contains(b, d)));
      }),
    );
  });

  it("intersect is commutative, null exactly when the periods do not overlap, and inside both", () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        const ab = intersect(a, b);
        expect(ab).toEqual(intersect(b, a));
        expect(ab === null).toBe(!overlaps(a, b));
        if (ab !== null) {
          expect(parses(ab)).toBe(true);
          expect(within(ab, a)).toBe(true);
          expect(within(ab, b)).toBe(true);
        }
      }),
    );
  });

  it("a date is in the intersection iff it is in both periods", () => {
    fc.assert(
      fc.property(periodArb, periodArb, dateArb, (a, b, date) => {
        const ab = intersect(a, b);
        expect(ab !== null && contains(ab, date)).toBe(contains(a, date) && contains(b, date));
      }),
    );
  });

  it("within is reflexive", () => {
    fc.assert(
      fc.property(periodArb, (a) => {
        expect(within(a, a)).toBe(true);
      }),
    );
  });

  it("within is transitive", () => {
    fc.assert(
      fc.property(periodArb, periodArb, periodArb, (a, b, c) => {
        // Build a chain a' ⊆ b' ⊆ c from arbitrary periods by intersecting.
        const b2 = intersect(b, c);
        const a2 = b2 === null ? null : intersect(a, b2);
        fc.pre(b2 !== null && a2 !== null);
        if (b2 === null || a2 === null) return;
        expect(within(a2, b2) && within(b2, c)).toBe(true);
        expect(within(a2, c)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(periodArb, periodArb, periodArb, (a, b, c) => {
        if (within(a, b) && within(b, c)) expect(within(a, c)).toBe(true);
      }),
    );
  });

  it("within agrees with 'every day of inner is a day of outer'", () => {
    fc.assert(
      fc.property(periodArb, periodArb, (inner, outer) => {
        // An open-ended inner never fits in a closed outer: it outlasts every probe range.
        const everyDay =
          probes.every((d) => !contains(inner, d) || contains(outer, d)) &&
          !(inner.to === null && outer.to !== null);
        expect(within(inner, outer)).toBe(everyDay);
      }),
    );
  });

  it("merge gives sorted, disjoint, non-adjacent valid periods covering the same days", () => {
    fc.assert(
      fc.property(periodsArb, (periods) => {
        const merged = merge(periods);
        for (const period of merged) expect(parses(period)).toBe(true);
        for (let i = 1; i < merged.length; i++) {
          const previous = merged[i - 1];
          const current = merged[i];
          if (previous === undefined || current === undefined) throw new Error("unreachable");
          // Non-adjacent: a day lies between one period's end and the next's start.
          expect(previous.to).not.toBeNull();
          expect(previous.to !== null && previous.to < current.from).toBe(true);
        }
        for (const date of probes) expect(coveredBy(merged, date)).toBe(coveredBy(periods, date));
        expect(merged.length).toBeLessThanOrEqual(periods.length);
      }),
    );
  });

  it("merge is idempotent and does not change its input", () => {
    fc.assert(
      fc.property(periodsArb, (periods) => {
        const before = structuredClone(periods);
        const merged = merge(periods);
        expect(periods).toEqual(before);
        expect(merge(merged)).toEqual(merged);
      }),
    );
  });

  it("merge does not depend on the order of its input", () => {
    fc.assert(
      fc.property(periodsArb, (periods) => {
        expect(merge([...periods].reverse())).toEqual(merge(periods));
      }),
    );
  });

  it("gaps and the merged periods cover the span exactly and are disjoint", () => {
    fc.assert(
      fc.property(periodsArb, periodArb, (periods, span) => {
        const holes = gaps(periods, span);
        for (const hole of holes) {
          expect(parses(hole)).toBe(true);
          expect(within(hole, span)).toBe(true);
          for (const period of periods) expect(overlaps(hole, period)).toBe(false);
        }
        expect(merge(holes)).toEqual(holes); // sorted, disjoint and not adjacent to each other
        for (const date of probes) {
          const inHole = coveredBy(holes, date);
          const inPeriods = coveredBy(periods, date);
          expect(inHole && inPeriods).toBe(false);
          expect(inHole || (inPeriods && contains(span, date))).toBe(contains(span, date));
        }
        // An open-ended span with nothing open-ended covering its tail ends in an open gap.
        if (span.to === null && !periods.some((p) => p.to === null)) {
          expect(holes.at(-1)?.to).toBeNull();
        }
      }),
    );
  });

  it("gaps of nothing is the whole span, and of the span itself is nothing", () => {
    fc.assert(
      fc.property(periodArb, (span) => {
        expect(gaps([], span)).toEqual([span]);
        expect(gaps([span], span)).toEqual([]);
      }),
    );
  });
});

describe("worked examples", () => {
  it("intersect, merge and gaps", () => {
    expect(
      intersect({ from: "2020-01-01", to: null }, { from: "2019-01-01", to: "2021-01-01" }),
    ).toEqual({
      from: "2020-01-01",
      to: "2021-01-01",
    });
    expect(
      intersect({ from: "2020-01-01", to: "2021-01-01" }, { from: "2021-01-01", to: null }),
    ).toBeNull();
    expect(
      merge([
        { from: "2020-02-01", to: null },
        { from: "2020-01-01", to: "2020-02-01" },
        { from: "2019-01-01", to: "2019-06-01" },
      ]),
    ).toEqual([
      { from: "2019-01-01", to: "2019-06-01" },
      { from: "2020-01-01", to: null },
    ]);
    expect(
      gaps(
        [
          { from: "2020-01-01", to: "2020-02-01" },
          { from: "2020-03-01", to: "2020-04-01" },
        ],
        { from: "2019-12-01", to: null },
      ),
    ).toEqual([
      { from: "2019-12-01", to: "2020-01-01" },
      { from: "2020-02-01", to: "2020-03-01" },
      { from: "2020-04-01", to: null },
    ]);
  });
});

describe("validAt", () => {
  const versions = [
    { name: "Synthetic A", valid: { from: "2013-04-01", to: "2017-04-01" } },
    { name: "Synthetic B", valid: { from: "2017-04-01", to: null } },
  ];

  it("selects the version in force on a date, with half-open boundaries", () => {
    expect(validAt(versions, "2013-03-31")).toEqual([]);
    expect(validAt(versions, "2016-06-01").map((v) => v.name)).toEqual(["Synthetic A"]);
    expect(validAt(versions, "2017-04-01").map((v) => v.name)).toEqual(["Synthetic B"]);
  });

  it("returns exactly the versions containing the date, in input order", () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 8 }), dateArb, (periods, date) => {
        const tagged = periods.map((valid, index) => ({ index, valid }));
        const selected = validAt(tagged, date).map((v) => v.index);
        expect(selected).toEqual(tagged.filter((v) => contains(v.valid, date)).map((v) => v.index));
      }),
    );
  });
});

describe("today", () => {
  it("is the UTC calendar date", () => {
    expect(today(new Date("2026-11-23T23:59:59Z"))).toBe("2026-11-23");
    expect(today(new Date("2026-11-24T00:00:00+01:00"))).toBe("2026-11-23");
    expect(IsoDate.safeParse(today()).success).toBe(true);
  });
});
