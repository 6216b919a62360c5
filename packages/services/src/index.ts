/**
 * @module @care-atlas/services
 * The use cases of Care Atlas on Effect 4: reads at any valid date and recorded time,
 * audited writes with optimistic concurrency and rule checks, import and export, over the
 * bitemporal store, with an in-memory read model for hot reads. No HTTP here.
 */
export * from "./Actor.js";
export * from "./errors.js";
export type {
  CommissionerBody,
  CommissionerOnDate,
  LookupVintage,
  WardOnDate,
} from "./internal/geography.js";
export type { LiveStatus } from "./internal/live.js";
export type { NeighbourhoodInScheme, PlaceChain } from "./internal/lookup.js";
export type { WriteResult } from "./internal/write.js";
export {
  defaultRegisterOptions,
  makeRegister,
  Register,
  type RegisterOptions,
  type RegisterShape,
} from "./Register.js";
export * from "./runVerb.js";
export * from "./StoreService.js";
export {
  type ChangeEntry,
  type ChangesOptions,
  type ChangesPage,
  type ChangesVerb,
  describeReferenceChange,
} from "./verbs/changes.js";
export type { CheckRules, CheckRulesOptions, RulesRead } from "./verbs/checkRules.js";
export type {
  CreateEntity,
  EntityInput,
  EntityWriteResult,
  WriteMeta,
} from "./verbs/createEntity.js";
export type {
  Directory,
  DirectoryEntry,
  DirectoryOptions,
  DirectoryVerb,
} from "./verbs/directory.js";
export type { EndEntity } from "./verbs/endEntity.js";
export type { ExportOptions, ExportSnapshot, SnapshotExport } from "./verbs/exportSnapshot.js";
export type { EntityRead, GetEntity, ReadOptions } from "./verbs/getEntity.js";
export type { GetVersions, VersionsOptions, VersionsRead } from "./verbs/getVersions.js";
export type { HierarchyRead, HierarchyReadOptions, HierarchyVerb } from "./verbs/hierarchy.js";
export type { EntityChange, HistoryRead, HistoryVerb } from "./verbs/history.js";
export {
  type ImportFile,
  type ImportFileOptions,
  type ImportFileVerb,
  type ImportKind,
  type ImportLayout,
  type ImportProgress,
  type ImportReport,
  importKinds,
} from "./verbs/importFile.js";
export type {
  ImportOptions,
  ImportResult,
  ImportSnapshot,
  PostcodeRecordInput,
} from "./verbs/importSnapshot.js";
export type { AllRead, ListAll, ListAllOptions } from "./verbs/listAll.js";
export type {
  FieldFilter,
  ListEntities,
  ListFilter,
  ListOptions,
  ListPage,
} from "./verbs/listEntities.js";
export type { ImportedFile, ImportList, ListImports } from "./verbs/listImports.js";
export type {
  CodeRead,
  CodeSuccessor,
  LookupCode,
  LookupCodeOptions,
} from "./verbs/lookupCode.js";
export type { LsoaRead, LsoaVerb } from "./verbs/lsoa.js";
export type { OrganisationLinks, OrganisationLinksVerb } from "./verbs/organisationLinks.js";
export type {
  LookupPostcodesVerb,
  PostcodeArea,
  PostcodeLookupError,
  PostcodeLookupItem,
  PostcodeOwn,
  PostcodeRead,
  PostcodeReading,
  PostcodeVerb,
} from "./verbs/postcode.js";
export type {
  PostcodeReader,
  PostcodeReaderOptions,
  PostcodeReaderVerb,
} from "./verbs/postcodeReader.js";
export type {
  NearbyPostcode,
  PostcodesNear,
  PostcodesNearOptions,
  PostcodesNearRead,
} from "./verbs/postcodesNear.js";
export type { PracticeRead, PracticeVerb } from "./verbs/practice.js";
export type {
  ChangePreview,
  ChangeRequest,
  PreviewChange,
  PreviewHistory,
} from "./verbs/previewChange.js";
export type {
  RecordSuccession,
  SuccessionInput,
  SuccessionResult,
} from "./verbs/recordSuccession.js";
export type {
  RelationshipsOf,
  RelationshipsOptions,
  RelationshipsRead,
} from "./verbs/relationshipsOf.js";
export type { ResolveId } from "./verbs/resolveId.js";
export type { SaveChange, SavedChange } from "./verbs/saveChange.js";
export type {
  OrganisationQuery,
  SearchOptions,
  SearchOrganisations,
} from "./verbs/searchOrganisations.js";
export type { SuccessionsOf, SuccessionsRead } from "./verbs/successionsOf.js";
export type { UpdateEntity } from "./verbs/updateEntity.js";
