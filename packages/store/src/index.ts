/**
 * @module @care-atlas/store
 * The bitemporal register on PostgreSQL: one schema and one set of migrations for embedded
 * PGlite (the default) and a PostgreSQL server. Entity versions live on two clocks — valid
 * time (dates) and recorded time (change seqs) — and an append-only change log records who
 * changed what, when and why.
 */
export type { Queryable, Sql } from "./driver/Sql.js";
export { loadMigrations, type Migration, migrate } from "./Migrations.js";
export { defaultPostcodeSnapshotMin, openStore, type StoreOptions } from "./openStore.js";
export { PostcodeTable, PostcodeTableBuilder } from "./PostcodeTable.js";
export {
  type Change,
  type ChangeFilter,
  type ChangeInput,
  type EntityHistory,
  entityChanges,
  isEntityChange,
  type LogEntry,
  type ReferenceAt,
  type ReferenceChange,
  type ReferenceCount,
  type ReferenceData,
  type ReferenceDataset,
  type Store,
  type StoredVersion,
  type StoreReader,
} from "./Store.js";
export {
  StoreConflict,
  StoreError,
  StoreInvalidInput,
  StoreLocked,
  StoreMoved,
  StoreSchemaError,
} from "./StoreError.js";
