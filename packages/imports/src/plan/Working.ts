/**
 * @module Working
 * A planner's working copy of the register: the histories it has changed so far over the
 * register it reads, ODS codes → organisations, and what it did to each record of the file.
 */
import {
  type Entity,
  type EntityKind,
  type EntityOf,
  History,
  type IsoDate,
  type Organisation,
  type Relationship,
} from "@care-atlas/domain";

/** What a planner reads of the register: each entity's current history, and ids by kind. */
export interface RegisterView {
  history(
    id: string,
  ): { readonly kind: EntityKind; readonly versions: ReadonlyArray<Entity> } | undefined;
  ids(kind: EntityKind): ReadonlyArray<string>;
}

/** What an import does to one record. */
export type PlanAction = "created" | "changed" | "ended" | "unchanged" | "skipped";

/** One record of the file and what the import does with it. */
export interface PlanItem {
  readonly action: PlanAction;
  /** The kind of record: an entity kind, or `postcode`, `lsoa-assignment`. */
  readonly kind: string;
  /** The register id, when it is an entity. */
  readonly id: string | null;
  /** The record's key in the file: an ODS code, `old → new`, a postcode… */
  readonly key: string;
  /** What changes (or why it is skipped), in a sentence. */
  readonly detail: string;
}

/** One entity's complete new history. */
export interface PlannedHistory {
  readonly kind: EntityKind;
  readonly id: string;
  readonly versions: ReadonlyArray<Entity>;
}

/** The file an import reads, as the planners cite it. */
export interface ImportContext {
  /** The date the file describes: changes are dated from it. */
  readonly published: IsoDate;
  /** The key of the file's source record. */
  readonly source: string;
  /** The file's name, for derivations. */
  readonly fileName: string;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The working copy. */
export class Working {
  readonly #view: RegisterView;
  readonly #changed = new Map<string, PlannedHistory>();
  readonly #order: string[] = [];
  #byOds: Map<string, string[]> | undefined;
  readonly items: PlanItem[] = [];

  constructor(view: RegisterView) {
    this.#view = view;
  }

  /** The versions of an entity now (changed or as the register holds them). */
  versions<K extends EntityKind>(kind: K, id: string): ReadonlyArray<EntityOf[K]> {
    const changed = this.#changed.get(id);
    if (changed !== undefined) return changed.versions as ReadonlyArray<EntityOf[K]>;
    const history = this.#view.history(id);
    if (history === undefined || history.kind !== kind) return [];
    return history.versions as ReadonlyArray<EntityOf[K]>;
  }

  /** Whether the entity exists (in the register or created by this plan). */
  has(id: string): boolean {
    return (
      (this.#changed.get(id)?.versions.length ?? this.#view.history(id)?.versions.length ?? 0) > 0
    );
  }

  /** Replaces an entity's history; returns whether it differs from what it was. */
  put(kind: EntityKind, id: string, versions: ReadonlyArray<Entity>): boolean {
    const before = this.versions(kind, id);
    if (sameJson(before, versions)) return false;
    if (!this.#changed.has(id)) this.#order.push(id);
    this.#changed.set(id, { kind, id, versions: [...versions] });
    if (kind === "organisation") this.#byOds = undefined;
    return true;
  }

  /** The ids of one kind: the register's and those this plan created. */
  ids(kind: EntityKind): string[] {
    const ids = new Set(this.#view.ids(kind));
    for (const [id, history] of this.#changed) if (history.kind === kind) ids.add(id);
    return [...ids];
  }

  /** The organisations that hold an ODS code (in any period), by id. */
  organisationsWithCode(code: string): string[] {
    if (this.#byOds === undefined) {
      const map = new Map<string, string[]>();
      for (const id of this.ids("organisation")) {
        const codes = new Set<string>();
        for (const version of this.versions("organisation", id)) {
          for (const c of version.codes) if (c.system === "ods") codes.add(c.value);
        }
        for (const c of codes) map.set(c, [...(map.get(c) ?? []), id]);
      }
      this.#byOds = map;
    }
    return this.#byOds.get(code) ?? [];
  }

  /** The organisation holding `code`, preferring one of `kinds`. */
  organisation(code: string, kinds?: ReadonlyArray<string>): string | undefined {
    const ids = this.organisationsWithCode(code);
    if (kinds === undefined) return ids[0];
    return (
      ids.find((id) => this.versions("organisation", id).some((v) => kinds.includes(v.kind))) ??
      ids[0]
    );
  }

  /** The relationships (any kind) whose subject or object is `id`. */
  relationshipsOf(id: string): string[] {
    return this.ids("relationship").filter((rid) =>
      this.versions("relationship", rid).some((r) => r.subjectId === id || r.objectId === id),
    );
  }

  /**
   * Ends an entity on `date` and, like `endEntity`, every relationship naming it that is
   * still valid then.
   */
  endWithRelationships(kind: EntityKind, id: string, date: IsoDate): void {
    this.put(kind, id, History.endHistory(this.versions(kind, id), date));
    for (const rid of this.relationshipsOf(id)) {
      const versions = this.versions("relationship", rid) as ReadonlyArray<Relationship>;
      if (versions.some((v) => v.valid.to === null || v.valid.to > date)) {
        this.put("relationship", rid, History.endHistory(versions, date));
      }
    }
  }

  /** Records what the import does with a record of the file. */
  note(action: PlanAction, kind: string, id: string | null, key: string, detail: string): void {
    this.items.push({ action, kind, id, key, detail });
  }

  /** The changed histories, in the order first changed. */
  get histories(): PlannedHistory[] {
    return this.#order.map((id) => this.#changed.get(id) as PlannedHistory);
  }
}

/** An organisation's name compared as ODS publishes names: case and spacing ignored. */
export const sameName = (a: string, b: string): boolean =>
  a.replace(/\s+/g, " ").trim().toUpperCase() === b.replace(/\s+/g, " ").trim().toUpperCase();

/** The day after `date`. */
export const nextDay = (date: IsoDate): IsoDate => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

/** The day before `date`. */
export const previousDay = (date: IsoDate): IsoDate => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};

/** The version of an organisation that speaks for it on `date`: valid then, else its last. */
export const versionOnOrLast = (
  versions: ReadonlyArray<Organisation>,
  date: IsoDate,
): Organisation | undefined =>
  History.versionAt(versions, date) ??
  [...versions]
    .filter((v) => v.valid.from <= date)
    .sort((a, b) => (a.valid.from < b.valid.from ? 1 : -1))[0] ??
  versions[0];
