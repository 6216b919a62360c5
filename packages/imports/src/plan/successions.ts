/**
 * @module successions (plan)
 * Planning ODS's successor table against the register: every row whose successor the
 * register holds — and, going back, the rows leading to predecessors recorded that way —
 * becomes a dated succession. On one date, predecessors whose only successor is the same
 * body merge into it; otherwise each predecessor splits (several successors) or transfers
 * (one). A predecessor the register lacks is recorded by its code only, valid on the days
 * the table shows it existing, and says so. A succession already recorded with the same
 * predecessors, successors and date is unchanged.
 */
import {
  checkCode,
  type EntityKind,
  type IsoDate,
  type Organisation,
  type OrganisationKind,
  type Succession,
  type SuccessionKind,
  stableId,
} from "@care-atlas/domain";
import type { SuccessionRow } from "../layouts/successors.js";
import { type ImportContext, previousDay, type Working } from "./Working.js";

/** The kind of organisation an ODS code's format says it is, or `other`. */
const kindOfCode = (code: string): OrganisationKind => {
  for (const kind of ["nhs-trust", "gp-practice", "pcn", "ccg", "icb"] as const) {
    if (checkCode("ods", kind, code) === null) return kind;
  }
  return "other";
};

const sortedKey = (ids: ReadonlyArray<string>) => [...ids].sort().join("+");

/** Plans a successor table. */
export const planSuccessions = (
  working: Working,
  rows: ReadonlyArray<SuccessionRow>,
  context: ImportContext,
  onRow?: (done: number) => void,
): void => {
  const held = (code: string) => working.organisation(code) !== undefined;
  // Rows whose successor the register holds; then, backwards, rows whose successor is a
  // predecessor reached that way (recorded by code).
  const kept = new Set<SuccessionRow>();
  const reached = new Set<string>();
  for (const row of rows) {
    if (held(row.newCode)) {
      kept.add(row);
      if (!held(row.oldCode)) reached.add(row.oldCode);
    }
  }
  let grew = reached.size > 0;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (!kept.has(row) && reached.has(row.newCode)) {
        kept.add(row);
        if (!held(row.oldCode) && !reached.has(row.oldCode)) {
          reached.add(row.oldCode);
          grew = true;
        }
      }
    }
  }
  let done = 0;
  for (const row of rows) {
    if (!kept.has(row)) {
      const touches = held(row.oldCode);
      working.note(
        "skipped",
        "succession",
        null,
        `${row.oldCode} → ${row.newCode} ${row.date}`,
        touches
          ? `its successor ${row.newCode} is not in the register`
          : "touches no organisation in the register",
      );
      onRow?.(++done);
    }
  }

  // Predecessors recorded by code: valid from the succession that made them (if the table
  // has one) to the first succession they went into.
  const asOld = new Map<string, IsoDate[]>();
  const asNew = new Map<string, IsoDate[]>();
  for (const row of kept) {
    asOld.set(row.oldCode, [...(asOld.get(row.oldCode) ?? []), row.date]);
    asNew.set(row.newCode, [...(asNew.get(row.newCode) ?? []), row.date]);
  }
  for (const code of [...reached].sort()) {
    const ends = [...new Set(asOld.get(code) ?? [])].sort();
    const starts = [...new Set(asNew.get(code) ?? [])].sort();
    const kind = kindOfCode(code);
    const id = stableId("organisation", `ods:${code}`);
    // One version per date it went into a succession: from the succession that made it
    // (when the table has one since its previous end), else the day before.
    const versions: Organisation[] = ends.map((end, i) => {
      const previous = ends[i - 1] ?? "";
      const start = starts.filter((date) => date < end && date >= previous).at(-1);
      const from = start ?? previousDay(end);
      return {
        id,
        kind,
        name: `${code} (name not in the loaded files)`,
        codes: [{ system: "ods", value: code }],
        roles: [],
        valid: { from, to: end },
        provenance: {
          sources: [context.source],
          derivation: `Recorded by its ODS code only: ${context.fileName} names ${code} as a predecessor from ${ends.join(" and ")}${starts.length === 0 ? "" : ` and as a successor from ${starts.join(" and ")}`}, and no loaded file gives its name${kind === "other" ? " or kind" : ` (the kind, ${kind}, is what the code's format says)`} or other dates. valid covers only the days the table shows it existing${start === undefined ? " (here, the day before its succession)" : ""}.`,
        },
      };
    });
    working.put("organisation", id, versions);
    working.note(
      "created",
      "organisation",
      id,
      code,
      `recorded by code: ${versions.map((v) => `${v.valid.from} – ${v.valid.to}`).join(", ")}`,
    );
  }

  // Successions, by date.
  const existing = new Map<string, string>();
  for (const id of working.ids("succession")) {
    for (const s of working.versions("succession", id)) {
      existing.set(
        `${sortedKey(s.predecessorIds)}>${sortedKey(s.successorIds)}@${s.valid.from}`,
        id,
      );
    }
  }
  const byDate = new Map<IsoDate, SuccessionRow[]>();
  for (const row of kept) byDate.set(row.date, [...(byDate.get(row.date) ?? []), row]);
  const idOf = (code: string): string =>
    working.organisation(code) ?? stableId("organisation", `ods:${code}`);

  for (const date of [...byDate.keys()].sort()) {
    const dayRows = byDate.get(date) ?? [];
    const successorsOf = new Map<string, string[]>();
    for (const row of dayRows) {
      successorsOf.set(row.oldCode, [
        ...new Set([...(successorsOf.get(row.oldCode) ?? []), row.newCode]),
      ]);
    }
    // Predecessors with one successor, grouped by it: a merge when there are several.
    const single = new Map<string, string[]>();
    for (const [old, news] of successorsOf) {
      if (news.length === 1)
        single.set(news[0] as string, [...(single.get(news[0] as string) ?? []), old]);
    }
    const groups: { kind: SuccessionKind; olds: string[]; news: string[] }[] = [];
    for (const [successor, olds] of single) {
      if (olds.length >= 2) groups.push({ kind: "merge", olds: olds.sort(), news: [successor] });
    }
    const merged = new Set(groups.flatMap((g) => g.olds));
    for (const [old, news] of successorsOf) {
      if (merged.has(old)) continue;
      groups.push({
        kind: news.length >= 2 ? "split" : "transfer",
        olds: [old],
        news: news.sort(),
      });
    }
    for (const group of groups) {
      const predecessorIds = group.olds.map(idOf);
      const successorIds = group.news.map(idOf);
      const key = `${group.olds.join("+")} → ${group.news.join("+")} ${date}`;
      const found = existing.get(`${sortedKey(predecessorIds)}>${sortedKey(successorIds)}@${date}`);
      if (found !== undefined) {
        working.note("unchanged", "succession", found, key, "already recorded");
        done += group.olds.length;
        onRow?.(done);
        continue;
      }
      const id = stableId(
        "succession",
        `ods-successor:${group.olds.join("+")}>${group.news.join("+")}:${date}`,
      );
      const succession: Succession = {
        id,
        kind: group.kind,
        predecessorIds,
        successorIds,
        note: `${group.olds.join(", ")} → ${group.news.join(", ")} (ODS successor table).`,
        valid: { from: date, to: null },
        provenance: {
          sources: [context.source],
          derivation: `${context.fileName} (data date ${context.published}) lists ${dayRows
            .filter((row) => group.olds.includes(row.oldCode) && group.news.includes(row.newCode))
            .map((row) => `${row.oldCode} → ${row.newCode}`)
            .join(", ")} effective ${date}. ODS gives pairs, not kinds: ${
            group.kind === "merge"
              ? "predecessors whose only successor that day is one body are recorded as merging into it"
              : group.kind === "split"
                ? "a predecessor with several successors that day is recorded as splitting"
                : "one predecessor with one successor is recorded as a transfer (ODS does not say whether the body was renamed or its functions moved)"
          }.`,
        },
      };
      working.put("succession" satisfies EntityKind, id, [succession]);
      working.note("created", "succession", id, key, `${group.kind} on ${date}`);
      done += group.olds.length;
      onRow?.(done);
    }
  }
};
