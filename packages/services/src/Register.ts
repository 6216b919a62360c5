/**
 * @module Register
 * The Care Atlas register as an Effect service: every use case (verb) of the services,
 * over a store, with an in-memory read model that answers current reads without I/O.
 * Build it with `Register.layer` (or `Register.layerWith(options)`) on a `StoreService`.
 */
import { checkSnapshot, type Finding, type SnapshotIndex } from "@care-atlas/domain";
import { Context, Effect, Layer } from "effect";
import { invalidInput, type StoreUnavailable, type ValidationFailed } from "./errors.js";
import type { RegisterContext } from "./internal/context.js";
import { findingsMemo, heldCheck } from "./internal/context.js";
import { type LiveStatus, makeLive } from "./internal/live.js";
import type { ReadModel } from "./ReadModel.js";
import { StoreService } from "./StoreService.js";
import { type ChangesVerb, makeChanges } from "./verbs/changes.js";
import { type CheckRules, makeCheckRules } from "./verbs/checkRules.js";
import { type CreateEntity, makeCreateEntity } from "./verbs/createEntity.js";
import { type DirectoryVerb, makeDirectory } from "./verbs/directory.js";
import { type EndEntity, makeEndEntity } from "./verbs/endEntity.js";
import { type ExportSnapshot, makeExportSnapshot } from "./verbs/exportSnapshot.js";
import { type GetEntity, makeGetEntity } from "./verbs/getEntity.js";
import { type GetVersions, makeGetVersions } from "./verbs/getVersions.js";
import { type HierarchyVerb, makeHierarchy } from "./verbs/hierarchy.js";
import { type HistoryVerb, makeHistory } from "./verbs/history.js";
import { type ImportFileVerb, makeImportFile } from "./verbs/importFile.js";
import { type ImportSnapshot, makeImportSnapshot } from "./verbs/importSnapshot.js";
import { type ListAll, makeListAll } from "./verbs/listAll.js";
import { type ListEntities, makeListEntities } from "./verbs/listEntities.js";
import { type ListImports, makeListImports } from "./verbs/listImports.js";
import { type LookupCode, makeLookupCode } from "./verbs/lookupCode.js";
import { type LsoaVerb, makeLsoa } from "./verbs/lsoa.js";
import { makeOrganisationLinks, type OrganisationLinksVerb } from "./verbs/organisationLinks.js";
import {
  type LookupPostcodesVerb,
  makeLookupPostcodes,
  makePostcode,
  type PostcodeVerb,
} from "./verbs/postcode.js";
import { makePostcodeReader, type PostcodeReaderVerb } from "./verbs/postcodeReader.js";
import { makePostcodesNear, type PostcodesNear } from "./verbs/postcodesNear.js";
import { makePractice, type PracticeVerb } from "./verbs/practice.js";
import { makePreviewChange, type PreviewChange } from "./verbs/previewChange.js";
import { makeRecordSuccession, type RecordSuccession } from "./verbs/recordSuccession.js";
import { makeRelationshipsOf, type RelationshipsOf } from "./verbs/relationshipsOf.js";
import { makeResolveId, type ResolveId } from "./verbs/resolveId.js";
import { makeSaveChange, type SaveChange } from "./verbs/saveChange.js";
import { makeSearchOrganisations, type SearchOrganisations } from "./verbs/searchOrganisations.js";
import { makeSuccessionsOf, type SuccessionsOf } from "./verbs/successionsOf.js";
import { makeUpdateEntity, type UpdateEntity } from "./verbs/updateEntity.js";

/** Tuning of a Register. */
export interface RegisterOptions {
  /**
   * How often to poll the store's last change for writes by other processes, in ms
   * (default 1,000; 0 = never). Where the store can LISTEN (a PostgreSQL server), a NOTIFY
   * wakes the model at once and the poll is the safety net.
   */
  readonly pollIntervalMs: number;
  /** Past (as-of) models kept in memory, by data version (default 4). */
  readonly pastModels: number;
  /** Changes read per request when catching up from the change log (default 500). */
  readonly changeBatch: number;
  /** Behind by more changes than this, reload everything instead of replaying (default 5,000). */
  readonly reloadAfter: number;
  /** The rules every write must not break (default: the domain's `checkSnapshot`). */
  readonly rules: (index: SnapshotIndex) => ReadonlyArray<Finding>;
}

/** The defaults of {@link RegisterOptions}. */
export const defaultRegisterOptions: RegisterOptions = {
  pollIntervalMs: 1000,
  pastModels: 4,
  changeBatch: 500,
  reloadAfter: 5000,
  rules: (index) => checkSnapshot(index),
};

/** The verbs of the register. */
export interface RegisterShape {
  /** The data version (last change sequence number) of the read model; no I/O. */
  readonly dataVersion: Effect.Effect<number>;
  /** Catches the read model up with the store now; returns the data version. */
  readonly refresh: Effect.Effect<number, StoreUnavailable>;
  /**
   * Read-your-writes: the data version once the read model holds at least `seq` (a
   * version a client saw, e.g. in a write's answer) — at once when it does, else after
   * catching up (from the replica, then the primary). Fails with `ValidationFailed`
   * (about the input) when the register has no such version, `StoreUnavailable` when the
   * database does not answer: never a stale model without saying so.
   */
  readonly awaitDataVersion: (
    seq: number,
  ) => Effect.Effect<number, StoreUnavailable | ValidationFailed>;
  /** How the read model keeps up: its data version, the replica's state, the last error; no I/O. */
  readonly status: Effect.Effect<LiveStatus>;

  readonly getEntity: GetEntity;
  /** Every version of one entity, whether or not one is valid on a date. */
  readonly getVersions: GetVersions;
  /** A code's holders on a date, or its past holders and who carries them on. */
  readonly lookupCode: LookupCode;
  readonly listEntities: ListEntities;
  /** A whole list, unpaged (the apps' pages). */
  readonly listAll: ListAll;
  /** Organisations by kind, role, code, name, place and status. */
  readonly searchOrganisations: SearchOrganisations;
  /** The relationships of one entity on a date. */
  readonly relationshipsOf: RelationshipsOf;
  /** The successions around one entity, and who carries it on. */
  readonly successionsOf: SuccessionsOf;
  /** Display names and versions of any id. */
  readonly directory: DirectoryVerb;
  readonly hierarchy: HierarchyVerb;
  readonly history: HistoryVerb;
  readonly changes: ChangesVerb;
  readonly lsoa: LsoaVerb;
  readonly postcode: PostcodeVerb;
  /** The `postcode` and `lookupPostcodes` verbs as plain functions of one model (no Effect per lookup). */
  readonly postcodeReader: PostcodeReaderVerb;
  /** Many postcodes at once: one answer or error per item, in order, in one loop. */
  readonly lookupPostcodes: LookupPostcodesVerb;
  /** The postcodes nearest a point, within a radius. */
  readonly postcodesNear: PostcodesNear;
  readonly practice: PracticeVerb;
  /** An id or an external code → the id it names (filters and paths that take either). */
  readonly resolveId: ResolveId;
  /** A page of organisations → each one's PCN and sub-ICB location on the date. */
  readonly organisationLinks: OrganisationLinksVerb;
  readonly checkRules: CheckRules;

  readonly createEntity: CreateEntity;
  readonly updateEntity: UpdateEntity;
  readonly endEntity: EndEntity;
  readonly recordSuccession: RecordSuccession;
  /** A dry run of `createEntity` / `updateEntity` / `endEntity` / `recordSuccession`. */
  readonly previewChange: PreviewChange;
  /** The write `previewChange` previews, from the same request. */
  readonly saveChange: SaveChange;
  readonly importSnapshot: ImportSnapshot;
  /** Imports one official file (ODS etr, eccg, epraccur, ePCN, successors) as dated changes. */
  readonly importFile: ImportFileVerb;
  /** The files imported so far, with their sources (newest data date first). */
  readonly listImports: ListImports;
  readonly exportSnapshot: ExportSnapshot;
}

/** Builds a Register on the store in context; the read model's refresher lives in the scope. */
export const makeRegister = (options: Partial<RegisterOptions> = {}) =>
  Effect.gen(function* () {
    const settings: RegisterOptions = { ...defaultRegisterOptions, ...options };
    const store = yield* StoreService;
    const live = yield* makeLive(store, settings);
    const ctx: RegisterContext = {
      store,
      live,
      rules: settings.rules,
      ...findingsMemo(settings.rules),
      // The domain's rules are checked incrementally; rules given in the options, whole.
      checkOf: options.rules === undefined ? heldCheck : () => undefined,
    };
    const register: RegisterShape = {
      dataVersion: Effect.sync(() => live.current().seq),
      refresh: Effect.map(live.refresh, (model) => model.seq),
      awaitDataVersion: (seq) =>
        Number.isSafeInteger(seq) && seq >= 0
          ? Effect.map(live.atLeast(seq), (model) => model.seq)
          : Effect.fail(
              invalidInput([
                { path: "header.min-data-version", message: "must be a whole number" },
              ]),
            ),
      status: Effect.sync(live.status),
      getEntity: makeGetEntity(ctx),
      getVersions: makeGetVersions(ctx),
      lookupCode: makeLookupCode(ctx),
      listEntities: makeListEntities(ctx),
      listAll: makeListAll(ctx),
      searchOrganisations: makeSearchOrganisations(ctx),
      relationshipsOf: makeRelationshipsOf(ctx),
      successionsOf: makeSuccessionsOf(ctx),
      directory: makeDirectory(ctx),
      hierarchy: makeHierarchy(ctx),
      history: makeHistory(ctx),
      changes: makeChanges(ctx),
      lsoa: makeLsoa(ctx),
      postcode: makePostcode(ctx),
      postcodeReader: makePostcodeReader(ctx),
      lookupPostcodes: makeLookupPostcodes(ctx),
      postcodesNear: makePostcodesNear(ctx),
      practice: makePractice(ctx),
      resolveId: makeResolveId(ctx),
      organisationLinks: makeOrganisationLinks(ctx),
      checkRules: makeCheckRules(ctx),
      createEntity: makeCreateEntity(ctx),
      updateEntity: makeUpdateEntity(ctx),
      endEntity: makeEndEntity(ctx),
      recordSuccession: makeRecordSuccession(ctx),
      previewChange: makePreviewChange(ctx),
      saveChange: makeSaveChange(ctx),
      importSnapshot: makeImportSnapshot(ctx),
      importFile: makeImportFile(ctx),
      listImports: makeListImports(ctx),
      exportSnapshot: makeExportSnapshot(ctx),
    };
    models.set(register, () => live.current());
    return register;
  });

/** The live model behind each Register (for the diagnostics export only). */
const models = new WeakMap<RegisterShape, () => ReadModel>();

/**
 * The current read model of a Register, or `undefined` for one this module did not make.
 * Not part of the services' API: exported to `@care-atlas/services/diagnostics` for the
 * services' own tests and benchmarks. The apps call verbs.
 */
export const currentModelOf = (register: RegisterShape): ReadModel | undefined =>
  models.get(register)?.();

/**
 * The register service.
 *
 * @example
 * ```ts
 * import { Register, StoreService } from "@care-atlas/services";
 * import { Effect, Layer } from "effect";
 *
 * const program = Effect.gen(function* () {
 *   const register = yield* Register;
 *   const page = yield* register.listEntities("place", { validAt: "2024-04-01" });
 *   return page.items.map((place) => place.name);
 * });
 * const layer = Register.layer.pipe(Layer.provide(StoreService.layer({ dataDir: ".data/atlas" })));
 * Effect.runPromise(Effect.provide(program, layer));
 * ```
 */
export class Register extends Context.Service<Register, RegisterShape>()(
  "@care-atlas/services/Register",
) {
  /** A Register with the default options, on the `StoreService` in context. */
  static readonly layer: Layer.Layer<Register, StoreUnavailable, StoreService> = Layer.effect(
    Register,
    makeRegister(),
  );

  /** A Register with some options changed. */
  static readonly layerWith = (
    options: Partial<RegisterOptions>,
  ): Layer.Layer<Register, StoreUnavailable, StoreService> =>
    Layer.effect(Register, makeRegister(options));
}
