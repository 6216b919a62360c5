-- Care Atlas store, migration 0003: keep the as-of indexes lean.
--
-- Superseding a version updates its row (to_seq), which leaves the old index entries —
-- whose recorded range was still open — behind until VACUUM removes them. An as-of read of
-- an entity with a long history would wade through them. On a server, have autovacuum visit
-- entity_version after a few hundred closed rows rather than after 20 % of the table.
-- (PGlite has no autovacuum: the store runs VACUUM itself; see src/openStore.ts.)
alter table entity_version set (
  autovacuum_vacuum_threshold = 200,
  autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_analyze_threshold = 200,
  autovacuum_analyze_scale_factor = 0.02
);
