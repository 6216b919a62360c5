/**
 * @module imports
 * The official files the dataset takes in through the import planners of
 * `@care-atlas/imports` — the same ones the register's `importFile` verb runs — so that a
 * user importing these files into the published register changes nothing: ODS's successor
 * table (every succession touching a GM organisation) and the October 2024 ePCN workbook
 * (renames and practices changing PCN, as dated changes on top of January 2023). Also the
 * handover of seed 000: the ten CCGs → NHS Greater Manchester Integrated Care, 1 July 2022.
 */
import {
  collections,
  type Entity,
  type EntityKind,
  entitiesOf,
  type Organisation,
  type Snapshot,
  type Succession,
} from "@care-atlas/domain";
import {
  planEpcn,
  planSuccessions,
  type RegisterView,
  readEpcn,
  readSuccessions,
  type SuccessionRow,
  Working,
} from "@care-atlas/imports";
import { compare } from "./geography.js";
import { odsOrganisation, stableId } from "./ids.js";
import { icbCode, icbStart } from "./organisations.js";
import { quoted } from "./quotes.js";
import { type Raw, rawPaths } from "./raw.js";
import { sourceKeys as S } from "./sourceCatalogue.js";

/** A register view over a snapshot: each id's versions, ids by kind. */
export const snapshotView = (snapshot: Snapshot): RegisterView => {
  const histories = new Map<string, { kind: EntityKind; versions: Entity[] }>();
  const ids = new Map<EntityKind, string[]>();
  for (const { kind, entity } of entitiesOf(snapshot)) {
    const history = histories.get(entity.id);
    if (history === undefined) {
      histories.set(entity.id, { kind, versions: [entity] });
      ids.set(kind, [...(ids.get(kind) ?? []), entity.id]);
    } else history.versions.push(entity);
  }
  return {
    history: (id) => histories.get(id),
    ids: (kind) => ids.get(kind) ?? [],
  };
};

/** The snapshot with the planned histories in place of the old ones. */
const applyPlan = (snapshot: Snapshot, working: Working): Snapshot => {
  const next: Snapshot = structuredClone(snapshot);
  for (const history of working.histories) {
    const collection = collections[history.kind];
    const kept = (next[collection] as Entity[]).filter((entity) => entity.id !== history.id);
    (next as Record<string, unknown>)[collection] = [...kept, ...history.versions];
  }
  return next;
};

/**
 * NHS Greater Manchester Integrated Care took over from the ten CCGs on 1 July 2022 (seed
 * 000): a merge whose predecessors live on as its sub-ICB locations.
 */
export const icbHandover = (raw: Raw, snapshot: Snapshot): Succession => {
  const words = quoted(
    raw,
    "seed000",
    "From July 1 a new organisation, called NHS Greater Manchester Integrated Care will take over from our ten Clinical Commissioning Groups (which will close down their work)",
  );
  const icbId = odsOrganisation(icbCode);
  const ccgs = [
    ...new Set(
      snapshot.organisations
        .filter(
          (o: Organisation) =>
            o.kind === "sub-icb-location" && o.parentId === icbId && o.valid.from === icbStart,
        )
        .map((o) => o.id),
    ),
  ].sort(compare);
  if (ccgs.length !== 10)
    throw new Error(`expected the ten CCGs to become sub-ICB locations, found ${ccgs.length}`);
  const codes = ccgs
    .map(
      (id) =>
        snapshot.organisations.find((o) => o.id === id)?.codes.find((c) => c.system === "ods")
          ?.value,
    )
    .join(", ");
  return {
    id: stableId("succession", `merge:gm-ccgs>ods:${icbCode}:${icbStart}`),
    kind: "merge",
    predecessorIds: ccgs,
    successorIds: [icbId],
    note: "NHS Greater Manchester Integrated Care took over from the ten CCGs, which live on as its sub-ICB locations.",
    valid: { from: icbStart, to: null },
    provenance: {
      sources: [S.seed000, S.eccg],
      derivation: `Seed 000 (8 April 2022): "${words}". The ten are the CCGs whose ODS codes (${codes}) live on as the ICB's sub-ICB locations (ODS eccg). ODS's successor table lists no CCG → ICB rows.`,
    },
  };
};

/** What the import planners did, for the data-quality report. */
export interface ImportNotes {
  /** Per file: counts by action. */
  readonly files: ReadonlyArray<{ readonly file: string; readonly counts: Record<string, number> }>;
}

const collect = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
  const list: T[] = [];
  for await (const row of rows) list.push(row);
  return list;
};

/** Runs the planners over the snapshot the curated build made. */
export const applyImports = async (
  raw: Raw,
  built: Snapshot,
): Promise<{ snapshot: Snapshot; notes: ImportNotes }> => {
  const snapshot = { ...built, successions: [...built.successions, icbHandover(raw, built)] };
  const working = new Working(snapshotView(snapshot));
  const files: { file: string; counts: Record<string, number> }[] = [];
  const counted = (file: string, from: number) => {
    const counts: Record<string, number> = {};
    for (const item of working.items.slice(from))
      counts[item.action] = (counts[item.action] ?? 0) + 1;
    files.push({ file, counts });
  };

  let start = working.items.length;
  const rows: SuccessionRow[] = await collect(readSuccessions(raw.bytes("successors")));
  planSuccessions(working, rows, {
    published: "2022-09-26",
    source: S.successors,
    fileName: rawPaths.successors,
  });
  counted(rawPaths.successors, start);

  start = working.items.length;
  planEpcn(working, await readEpcn(raw.bytes("epcn2024")), {
    published: "2024-10-25",
    source: S.epcn2024,
    fileName: rawPaths.epcn2024,
  });
  counted(rawPaths.epcn2024, start);

  return { snapshot: applyPlan(snapshot, working), notes: { files } };
};
