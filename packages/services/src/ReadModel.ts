/**
 * @module ReadModel
 * The register as recorded at one data version (change sequence number), in memory: every
 * entity's current valid-time history and revision, the reference geography and sources,
 * and the indexes the reads need. Immutable: a write or a catch-up from the change log makes
 * a new model (sharing the unchanged histories); the indexes of a model are built on first
 * use and kept with it.
 */
import {
  collections,
  type Entity,
  type EntityKind,
  emptySnapshot,
  indexSnapshot,
  kindOfId,
  LayeredMap,
  type Lsoa,
  type LsoaAssignment,
  type PostcodeRecord,
  type RegisterCheck,
  type Relationship,
  type Snapshot,
  type SnapshotIndex,
  type Source,
  type Succession,
} from "@care-atlas/domain";
import { PostcodeTable } from "@care-atlas/store";
import { geographyOf } from "./internal/geography.js";
import type { LogEntry } from "./StoreService.js";

/** One entity's current history in a model. `revision` is `null` in a past (as-of) model. */
export interface RecordedHistory {
  readonly kind: EntityKind;
  readonly id: string;
  readonly revision: number | null;
  /** Sorted by `valid.from`, non-overlapping. */
  readonly versions: ReadonlyArray<Entity>;
}

/**
 * Reference data as recorded at one seq: LSOAs, postcodes, LSOA assignments and sources.
 * Models of several data versions share one while no reference change comes between them.
 */
export interface Reference {
  /** The seq of the last change of reference data it includes (0: none). */
  readonly seq: number;
  readonly lsoas: ReadonlyArray<Lsoa>;
  /** The postcodes as sorted columns: a record is made for each lookup. */
  readonly postcodes: PostcodeTable;
  readonly assignments: ReadonlyArray<LsoaAssignment>;
  readonly sources: ReadonlyArray<Source>;
}

/** The reference data of an empty register. */
export const emptyReference: Reference = {
  seq: 0,
  lsoas: [],
  postcodes: PostcodeTable.empty,
  assignments: [],
  sources: [],
};

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byFrom = (a: Entity, b: Entity): number =>
  a.valid.from < b.valid.from ? -1 : a.valid.from > b.valid.from ? 1 : 0;

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

/**
 * The register at one data version, with lazily built indexes.
 *
 * @example
 * ```ts
 * import { ReadModel, emptyReference } from "@care-atlas/services";
 * const model = ReadModel.make(0, null, [], emptyReference);
 * model.ids("place"); // []
 * ```
 */
export class ReadModel {
  private snapshotMemo: Snapshot | undefined;
  private indexMemo: SnapshotIndex | undefined;
  private idsMemo: Map<EntityKind, string[]> | undefined;
  private linksMemo: Map<string, string[]> | undefined;
  private lsoaMemo: Map<string, Lsoa> | undefined;
  private sourceMemo: Map<string, Source> | undefined;
  private successionsMemo: Map<string, string[]> | undefined;
  /** The rule check held for this model, or the one it follows from and the changes since. */
  private ruleCheckMemo: RegisterCheck | undefined;
  private ruleCheckFrom:
    | { readonly base: RegisterCheck; readonly entities: ReadonlyArray<RecordedHistory> }
    | undefined;
  private geographyMemo:
    | {
        readonly byLsoa: Map<string, string[]>;
        readonly byPcn: Map<string, string[]>;
        readonly byPractice: Map<string, string[]>;
        readonly membershipsOf: Map<string, string[]>;
      }
    | undefined;

  private constructor(
    /** The data version: the last change sequence number the model includes (0 = empty). */
    readonly seq: number,
    /** When the change at `seq` was recorded (ISO timestamp), or `null` when unknown / empty. */
    readonly recordedAt: string | null,
    /** By id; a write's model shares the rest with the model it follows (a layered map). */
    readonly histories: LayeredMap<RecordedHistory>,
    readonly reference: Reference,
  ) {}

  /** A model from entity histories (their versions need not be sorted). */
  static make(
    seq: number,
    recordedAt: string | null,
    histories: Iterable<RecordedHistory>,
    reference: Reference,
  ): ReadModel {
    const map = new Map<string, RecordedHistory>();
    for (const history of histories) {
      if (history.versions.length === 0) continue;
      map.set(history.id, { ...history, versions: [...history.versions].sort(byFrom) });
    }
    return new ReadModel(seq, recordedAt, LayeredMap.of(map), reference);
  }

  /** A past model from the versions `historyAsOf` returns (no revisions). */
  static fromVersions(
    seq: number,
    versions: ReadonlyArray<Entity>,
    reference: Reference,
  ): ReadModel {
    const groups = new Map<string, Entity[]>();
    for (const version of versions) pushTo(groups, version.id, version);
    const histories: RecordedHistory[] = [];
    for (const [id, list] of groups) {
      const kind = kindOfId(id);
      if (kind !== undefined) histories.push({ kind, id, revision: null, versions: list });
    }
    return ReadModel.make(seq, null, histories, reference);
  }

  /**
   * The model after committed changes (from `store.apply` or the change log), in order.
   * Each entity change carries the entity's complete new history; a reference change only
   * moves the data version on (the caller loads the reference data it wrote).
   */
  withChanges(changes: ReadonlyArray<LogEntry>): ReadModel {
    if (changes.length === 0) return this;
    const updates = new Map<string, RecordedHistory | undefined>();
    let seq = this.seq;
    let recordedAt = this.recordedAt;
    for (const change of changes) {
      if (change.seq <= seq) continue;
      seq = change.seq;
      recordedAt = change.recordedAt;
      if (change.kind === "reference") continue;
      updates.set(
        change.id,
        change.after.length === 0
          ? undefined
          : {
              kind: change.kind,
              id: change.id,
              revision: change.revision,
              versions: [...change.after].sort(byFrom),
            },
      );
    }
    const next = new ReadModel(seq, recordedAt, this.histories.with(updates), this.reference);
    this.passIndexesOn(
      next,
      changes.flatMap((change) =>
        change.seq > this.seq && change.kind !== "reference" ? [change] : [],
      ),
    );
    next.lsoaMemo = this.lsoaMemo;
    next.sourceMemo = this.sourceMemo;
    // The rule check follows the changes, re-checked when it is next read (dropped, to be
    // built afresh, when too many changes wait or reference data changed).
    const from = changes.some((change) => change.kind === "reference")
      ? undefined
      : this.ruleCheckMemo === undefined
        ? this.ruleCheckFrom
        : { base: this.ruleCheckMemo, entities: [] };
    if (from !== undefined) {
      const entities = [...from.entities];
      for (const change of changes) {
        if (change.seq > this.seq && change.kind !== "reference") {
          entities.push({
            kind: change.kind,
            id: change.id,
            revision: null,
            versions: change.after,
          });
        }
      }
      if (entities.length <= 5000) next.ruleCheckFrom = { base: from.base, entities };
    }
    return next;
  }

  /**
   * The rule check held for this model (the write pipeline's, see `internal/write.ts`):
   * the one held by the model the changes were applied to, re-checked with them on first
   * read, or `undefined` when none was held. A model with new reference data holds none.
   */
  get ruleCheck(): RegisterCheck | undefined {
    if (this.ruleCheckMemo === undefined && this.ruleCheckFrom !== undefined) {
      this.ruleCheckMemo = this.ruleCheckFrom.base.recheck(this.ruleCheckFrom);
      this.ruleCheckFrom = undefined;
    }
    return this.ruleCheckMemo;
  }

  /** Holds the rule check of this model (checked elsewhere, e.g. a write's candidate). */
  holdRuleCheck(check: RegisterCheck): void {
    this.ruleCheckMemo = check;
    this.ruleCheckFrom = undefined;
  }

  /**
   * A candidate model with some histories replaced (an empty history removes the entity),
   * for checking the rules before a write. Its revisions and data version are not real.
   */
  withHistories(
    updates: ReadonlyArray<{
      readonly kind: EntityKind;
      readonly id: string;
      readonly versions: ReadonlyArray<Entity>;
    }>,
  ): ReadModel {
    const replaced = new Map<string, RecordedHistory | undefined>();
    for (const update of updates) {
      replaced.set(
        update.id,
        update.versions.length === 0
          ? undefined
          : {
              kind: update.kind,
              id: update.id,
              revision: this.histories.get(update.id)?.revision ?? null,
              versions: [...update.versions].sort(byFrom),
            },
      );
    }
    const next = new ReadModel(
      this.seq,
      this.recordedAt,
      this.histories.with(replaced),
      this.reference,
    );
    this.passIndexesOn(
      next,
      updates.map((update) => ({ kind: update.kind, id: update.id, after: update.versions })),
    );
    next.lsoaMemo = this.lsoaMemo;
    next.sourceMemo = this.sourceMemo;
    return next;
  }

  /** The same histories with new reference data. */
  withReference(reference: Reference): ReadModel {
    const next = new ReadModel(this.seq, this.recordedAt, this.histories, reference);
    this.passIndexesOn(next, []);
    return next;
  }

  /**
   * Gives `next` (this model with the histories of `changed` replaced) the indexes of the
   * entities this model has built that the changes leave as they are, so that a write
   * costs what it changes, not a rebuild of each index on the next read: the ids of each
   * kind while no entity comes or goes; the relationships, successions and geography while
   * no relationship, succession or neighbourhood changes (those are the kinds they index).
   */
  private passIndexesOn(
    next: ReadModel,
    changed: ReadonlyArray<{
      readonly kind: EntityKind;
      readonly id: string;
      readonly after: ReadonlyArray<unknown>;
    }>,
  ): void {
    const kinds = new Set(changed.map((change) => change.kind));
    if (changed.every((change) => change.after.length > 0 && this.histories.has(change.id))) {
      next.idsMemo = this.idsMemo;
    }
    if (!kinds.has("relationship")) next.linksMemo = this.linksMemo;
    if (!kinds.has("succession")) next.successionsMemo = this.successionsMemo;
    if (!kinds.has("relationship") && !kinds.has("neighbourhood")) {
      next.geographyMemo = this.geographyMemo;
    }
  }

  /** One entity's history, or `undefined`. */
  history(id: string): RecordedHistory | undefined {
    return this.histories.get(id);
  }

  /** The register as a domain snapshot: entities ordered by id, then `valid.from`. */
  get snapshot(): Snapshot {
    if (this.snapshotMemo === undefined) {
      const snapshot = emptySnapshot();
      for (const kind of Object.keys(collections) as EntityKind[]) {
        const target = snapshot[collections[kind]] as Entity[];
        for (const id of this.ids(kind)) {
          const history = this.histories.get(id);
          if (history !== undefined) for (const version of history.versions) target.push(version);
        }
      }
      snapshot.lsoas = [...this.reference.lsoas];
      snapshot.sources = [...this.reference.sources];
      this.snapshotMemo = snapshot;
    }
    return this.snapshotMemo;
  }

  /** The domain's index of {@link snapshot}, shared by the rules and queries. */
  get index(): SnapshotIndex {
    this.indexMemo ??= indexSnapshot(this.snapshot);
    return this.indexMemo;
  }

  /** The ids of one kind, sorted (the stable order of lists and cursors). */
  ids(kind: EntityKind): ReadonlyArray<string> {
    if (this.idsMemo === undefined) {
      const memo = new Map<EntityKind, string[]>();
      for (const history of this.histories.values()) pushTo(memo, history.kind, history.id);
      for (const list of memo.values()) list.sort(byId);
      this.idsMemo = memo;
    }
    return this.idsMemo.get(kind) ?? [];
  }

  /**
   * Ids of the relationships (any kind) whose subject or object is `entityId` in any
   * version, sorted.
   */
  relationshipsOf(entityId: string): ReadonlyArray<string> {
    if (this.linksMemo === undefined) {
      const links = new Map<string, string[]>();
      for (const id of this.ids("relationship")) {
        const ends = new Set<string>();
        for (const version of (this.histories.get(id)?.versions ?? []) as Relationship[]) {
          ends.add(version.subjectId);
          ends.add(version.objectId);
        }
        for (const end of ends) pushTo(links, end, id);
      }
      this.linksMemo = links;
    }
    return this.linksMemo.get(entityId) ?? [];
  }

  /** A postcode's record, by canonical postcode (`M32 0JG`). */
  postcode(postcode: string): PostcodeRecord | undefined {
    return geographyOf(this).postcode(postcode);
  }

  /** An LSOA by code. */
  lsoa(code: string): Lsoa | undefined {
    this.lsoaMemo ??= new Map(this.reference.lsoas.map((lsoa) => [lsoa.code, lsoa]));
    return this.lsoaMemo.get(code);
  }

  /** A source by key. */
  source(key: string): Source | undefined {
    this.sourceMemo ??= new Map(this.reference.sources.map((source) => [source.key, source]));
    return this.sourceMemo.get(key);
  }

  /** Ids of the successions naming `entityId` as predecessor or successor in any version, sorted. */
  successionsOf(entityId: string): ReadonlyArray<string> {
    if (this.successionsMemo === undefined) {
      const links = new Map<string, string[]>();
      for (const id of this.ids("succession")) {
        const named = new Set<string>();
        for (const version of (this.histories.get(id)?.versions ?? []) as Succession[]) {
          for (const other of version.predecessorIds) named.add(other);
          for (const other of version.successorIds) named.add(other);
        }
        for (const other of named) pushTo(links, other, id);
      }
      this.successionsMemo = links;
    }
    return this.successionsMemo.get(entityId) ?? [];
  }

  private get geography() {
    if (this.geographyMemo === undefined) {
      const byLsoa = new Map<string, string[]>();
      const byPcn = new Map<string, string[]>();
      const byPractice = new Map<string, string[]>();
      const membershipsOf = new Map<string, string[]>();
      for (const id of this.ids("neighbourhood")) {
        const seen = {
          lsoa: new Set<string>(),
          pcn: new Set<string>(),
          practice: new Set<string>(),
        };
        for (const version of this.histories.get(id)?.versions ?? []) {
          if (!("footprint" in version)) continue;
          for (const code of version.footprint.lsoas) seen.lsoa.add(code);
          for (const pcnId of version.footprint.pcnIds) seen.pcn.add(pcnId);
          for (const practiceId of version.footprint.practiceIds) seen.practice.add(practiceId);
        }
        for (const code of seen.lsoa) pushTo(byLsoa, code, id);
        for (const pcnId of seen.pcn) pushTo(byPcn, pcnId, id);
        for (const practiceId of seen.practice) pushTo(byPractice, practiceId, id);
      }
      for (const id of this.ids("relationship")) {
        const versions = (this.histories.get(id)?.versions ?? []) as ReadonlyArray<Relationship>;
        const subjects = new Set(
          versions.filter((version) => version.kind === "member-of").map((v) => v.subjectId),
        );
        for (const subjectId of subjects) pushTo(membershipsOf, subjectId, id);
      }
      this.geographyMemo = { byLsoa, byPcn, byPractice, membershipsOf };
    }
    return this.geographyMemo;
  }

  /** Ids of the neighbourhoods whose footprint lists the LSOA in any version. */
  neighbourhoodsOfLsoa(code: string): ReadonlyArray<string> {
    return this.geography.byLsoa.get(code) ?? [];
  }

  /** Ids of the neighbourhoods whose footprint lists the PCN in any version. */
  neighbourhoodsOfPcn(pcnId: string): ReadonlyArray<string> {
    return this.geography.byPcn.get(pcnId) ?? [];
  }

  /** Ids of the neighbourhoods whose footprint lists the practice in any version. */
  neighbourhoodsOfPractice(practiceId: string): ReadonlyArray<string> {
    return this.geography.byPractice.get(practiceId) ?? [];
  }

  /** Ids of the `member-of` relationships whose subject is `subjectId` in any version. */
  membershipsOf(subjectId: string): ReadonlyArray<string> {
    return this.geography.membershipsOf.get(subjectId) ?? [];
  }
}
