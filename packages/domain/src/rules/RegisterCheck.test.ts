import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../Finding.js";

const anyIdPattern = /^[a-z]{3}_[0-9a-z]{14}$/;

import { collections, type Entity, type Snapshot } from "../Snapshot.js";
import { syntheticRegister } from "../testing/syntheticRegister.js";
import { checkSnapshot } from "./checkSnapshot.js";
import { type EntityHistory, RegisterCheck } from "./RegisterCheck.js";
import { ruleIds } from "./Rule.js";

const kinds = Object.keys(collections) as (keyof typeof collections)[];

/** A snapshot in the order a read model holds it: by id, then by start. */
const canonical = (snapshot: Snapshot): Snapshot => {
  const sorted = { ...snapshot } as Record<string, unknown>;
  for (const kind of kinds) {
    const list = [...(snapshot[collections[kind]] as Entity[])];
    list.sort((a, b) =>
      a.id !== b.id
        ? a.id < b.id
          ? -1
          : 1
        : a.valid.from < b.valid.from
          ? -1
          : a.valid.from > b.valid.from
            ? 1
            : 0,
    );
    sorted[collections[kind]] = list;
  }
  return sorted as Snapshot;
};

const keyOf = (finding: Finding): string =>
  `${finding.rule}|${finding.severity}|${finding.subjects.join(",")}|${finding.message}`;

/** Findings as a comparable list: rules in catalogue order, sorted within a rule. */
const normalised = (findings: ReadonlyArray<Finding>): string[] =>
  [...findings]
    .map((finding) => ({
      order: (ruleIds as ReadonlyArray<string>).indexOf(finding.rule),
      key: keyOf(finding),
    }))
    .sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.key);

const applied = (snapshot: Snapshot, change: ReadonlyArray<EntityHistory>): Snapshot => {
  const next = { ...snapshot } as Record<string, unknown>;
  for (const { kind, id, versions } of change) {
    const list = (next[collections[kind]] as Entity[]).filter((version) => version.id !== id);
    list.push(...versions);
    next[collections[kind]] = list;
  }
  return canonical(next as Snapshot);
};

const dates = ["2015-04-01", "2017-04-01", "2019-07-01", "2021-04-01", "2022-07-01", "2024-04-01"];

/** The string fields of a value that hold entity ids (not its own `id`), as paths. */
const idPaths = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (typeof value === "string") return anyIdPattern.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => idPaths(item, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      path.length === 0 && key === "id" ? [] : idPaths(item, [...path, key]),
    );
  }
  return [];
};

const setAt = (value: unknown, path: ReadonlyArray<string | number>, to: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return to;
  if (Array.isArray(value))
    return value.map((item, i) => (i === head ? setAt(item, rest, to) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head], rest, to) };
};

/** One random edit of one record, as numbers fast-check draws and shrinks. */
const Edit = fc.record({
  op: fc.integer({ min: 0, max: 9 }),
  target: fc.nat(),
  other: fc.nat(),
  pick: fc.nat(),
});
type Edit = typeof Edit extends fc.Arbitrary<infer T> ? T : never;

/** The new history an edit gives one record of the snapshot. */
const historyOf = (snapshot: Snapshot, edit: Edit): EntityHistory | undefined => {
  const all: { kind: (typeof kinds)[number]; id: string; versions: Entity[] }[] = [];
  const byId = new Map<string, (typeof all)[number]>();
  for (const kind of kinds) {
    for (const version of snapshot[collections[kind]] as Entity[]) {
      let entry = byId.get(version.id);
      if (entry === undefined) {
        entry = { kind, id: version.id, versions: [] };
        byId.set(version.id, entry);
        all.push(entry);
      }
      entry.versions.push(version);
    }
  }
  const target = all[edit.target % all.length];
  const other = all[edit.other % all.length];
  if (target === undefined || other === undefined) return undefined;
  const { kind, id } = target;
  const first = target.versions[0] as Entity;
  const date = (n: number): string => dates[n % dates.length] as string;
  switch (edit.op) {
    case 0: // removed
      return { kind, id, versions: [] };
    case 1: {
      // re-dated
      const from = date(edit.pick);
      const to = edit.other % 3 === 0 ? null : date(edit.pick + 1 + (edit.other % 4));
      const valid = to !== null && to <= from ? { from, to: null } : { from, to };
      return { kind, id, versions: [{ ...first, valid } as Entity] };
    }
    case 2: {
      // a reference moved to another record (of any kind) or to an id nobody holds
      const paths = target.versions.flatMap((version, i) => idPaths(version).map((p) => [i, ...p]));
      const path = paths[edit.pick % Math.max(paths.length, 1)];
      if (path === undefined) return undefined;
      const to = edit.other % 5 === 0 ? `${other.id.slice(0, 4)}zzzzzzzzzzzzzz` : other.id;
      return { kind, id, versions: setAt(target.versions, path, to) as Entity[] };
    }
    case 3: {
      // copied under a new id: codes held twice, footprints shared
      const copyId = `${id.slice(0, 4)}copy${String(edit.pick % 1000).padStart(10, "0")}`;
      return {
        kind,
        id: copyId,
        versions: target.versions.map((v) => ({ ...v, id: copyId }) as Entity),
      };
    }
    case 4: {
      // takes another record's code
      const donor = other.versions[0];
      const codes = donor !== undefined && "codes" in donor ? donor.codes : [];
      if (!("codes" in first) || codes.length === 0) return undefined;
      return {
        kind,
        id,
        versions: target.versions.map(
          (v) => ({ ...v, codes: [codes[edit.pick % codes.length]] }) as Entity,
        ),
      };
    }
    case 5: {
      // a second version overlapping the first
      const from = date(edit.pick);
      return {
        kind,
        id,
        versions: [...target.versions, { ...first, valid: { from, to: null } } as Entity],
      };
    }
    case 6: {
      // a line of accountability that closes a loop with another, or is reversed
      if (kind !== "relationship" || !("subjectId" in first)) return undefined;
      const lines = snapshot.relationships.filter(
        (r) => r.id !== id && (r.kind === "accountable-to" || r.kind === "reports-to"),
      );
      const line = lines[edit.other % Math.max(lines.length, 1)];
      return {
        kind,
        id,
        versions: target.versions.map(
          (v) =>
            ({
              ...v,
              kind: edit.pick % 2 === 0 ? "accountable-to" : "reports-to",
              subjectId:
                line !== undefined && edit.pick % 3 !== 0
                  ? line.objectId
                  : (v as typeof first).objectId,
              objectId:
                line !== undefined && edit.pick % 3 !== 0
                  ? line.subjectId
                  : (v as typeof first).subjectId,
            }) as Entity,
        ),
      };
    }
    case 7: {
      // a neighbourhood's footprint and population changed
      if (kind !== "neighbourhood" || !("footprint" in first)) return undefined;
      const donor =
        snapshot.neighbourhoods[edit.other % Math.max(snapshot.neighbourhoods.length, 1)];
      const extra = donor?.footprint.lsoas[edit.pick % Math.max(donor.footprint.lsoas.length, 1)];
      return {
        kind,
        id,
        versions: target.versions.map(
          (v) =>
            ({
              ...v,
              footprint: {
                ...(v as typeof first).footprint,
                lsoas: [
                  ...(v as typeof first).footprint.lsoas.slice(edit.pick % 2),
                  ...(extra === undefined ? [] : [extra]),
                ],
              },
              ...(edit.pick % 3 === 0 && (v as typeof first).population !== undefined
                ? { population: { ...(v as typeof first).population, value: 10 + edit.other } }
                : {}),
            }) as Entity,
        ),
      };
    }
    case 8: {
      // a decision worth more than its body may decide, or a body's limit cut
      if (kind !== "decision" && kind !== "governanceBody") return undefined;
      const field = kind === "decision" ? "valuePence" : "delegatedLimitPence";
      return {
        kind,
        id,
        versions: target.versions.map(
          (v) => ({ ...v, [field]: edit.pick % 2 === 0 ? 1 : 10 ** 12 }) as Entity,
        ),
      };
    }
    default: {
      // renamed (names appear in other records' findings)
      if (!("name" in first)) return undefined;
      return {
        kind,
        id,
        versions: target.versions.map((v) => ({ ...v, name: `Synthetic ${edit.pick}` }) as Entity),
      };
    }
  }
};

const Register = fc
  .record({
    places: fc.integer({ min: 1, max: 2 }),
    practicesPerPcn: fc.integer({ min: 1, max: 2 }),
    decisionsPerPlace: fc.integer({ min: 0, max: 2 }),
  })
  .map((sizes) =>
    canonical(syntheticRegister({ ...sizes, neighbourhoodsPerPlace: 3, lsoasPerNeighbourhood: 4 })),
  );

describe("RegisterCheck", () => {
  it("finds what checkSnapshot finds, built from a register", () => {
    const register = canonical(
      syntheticRegister({ places: 2, practicesPerPcn: 2, decisionsPerPlace: 2 }),
    );
    expect(normalised(RegisterCheck.build(register).findings)).toEqual(
      normalised(checkSnapshot(register)),
    );
  });

  it("rechecks a change to the same findings as a whole check of the changed register", () => {
    fc.assert(
      fc.property(
        Register,
        fc.array(fc.array(Edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        (register, changes) => {
          let snapshot = register;
          let check = RegisterCheck.build(snapshot);
          for (const edits of changes) {
            const change: EntityHistory[] = [];
            let working = snapshot;
            for (const edit of edits) {
              const history = historyOf(working, edit);
              if (history === undefined) continue;
              change.push(history);
              working = applied(working, [history]);
            }
            check = check.recheck({ entities: change });
            snapshot = working;
            expect(normalised(check.findings)).toEqual(normalised(checkSnapshot(snapshot)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("leaves the check it came from as it was", () => {
    const register = canonical(
      syntheticRegister({ places: 1, practicesPerPcn: 1, decisionsPerPlace: 0 }),
    );
    const check = RegisterCheck.build(register);
    const practice = register.organisations.find((o) => o.kind === "gp-practice");
    if (practice === undefined) throw new Error("no practice");
    const after = check.recheck({
      entities: [{ kind: "organisation", id: practice.id, versions: [] }],
    });
    expect(after.findings.some((f) => f.rule === "dangling-reference")).toBe(true);
    expect(check.findings).toEqual([]);
    expect(RegisterCheck.build(register).recheck({ entities: [] }).findings).toEqual([]);
  });
});
