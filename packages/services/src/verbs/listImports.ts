/**
 * @module listImports
 * The files imported so far: every source the register holds that was taken in from a
 * file (`importFile` records the file's name and SHA-256 on its source), newest data date
 * first, with its layout (from the source's key) and how many register records cite it.
 */
import { collections, type Entity, type Source } from "@care-atlas/domain";
import { Effect } from "effect";
import type { RegisterContext } from "../internal/context.js";
import { type ImportKind, importKinds } from "./importFile.js";

/** One imported file, as the register holds it. */
export interface ImportedFile {
  /** The layout it was imported as (from its source key), or null when the key does not say. */
  readonly kind: ImportKind | null;
  /** Its source: publisher, dataset, licence, data date, file name and SHA-256. */
  readonly source: Source & { readonly file: NonNullable<Source["file"]> };
  /** Register entities with a version that cites the source. */
  readonly entities: number;
}

/** What `listImports` answers. */
export interface ImportList {
  readonly imports: ReadonlyArray<ImportedFile>;
  readonly dataVersion: number;
}

export type ListImports = () => Effect.Effect<ImportList>;

const kindOfKey = (key: string): ImportKind | null =>
  [...importKinds].sort((a, b) => b.length - a.length).find((kind) => key.startsWith(`${kind}-`)) ??
  null;

/** `listImports()`: the imported files, newest data date first. */
export const makeListImports =
  (ctx: RegisterContext): ListImports =>
  () =>
    Effect.sync(() => {
      const model = ctx.live.current();
      const snapshot = model.snapshot;
      const files = snapshot.sources.filter(
        (source): source is ImportedFile["source"] => source.file !== undefined,
      );
      const citing = new Map<string, Set<string>>(files.map((file) => [file.key, new Set()]));
      for (const collection of Object.values(collections)) {
        for (const version of snapshot[collection] as ReadonlyArray<Entity>) {
          for (const key of version.provenance.sources) citing.get(key)?.add(version.id);
        }
      }
      const imports = files
        .map((source) => ({
          kind: kindOfKey(source.key),
          source,
          entities: citing.get(source.key)?.size ?? 0,
        }))
        .sort(
          (a, b) =>
            (b.source.dataDate ?? "").localeCompare(a.source.dataDate ?? "") ||
            a.source.key.localeCompare(b.source.key),
        );
      return { imports, dataVersion: model.seq };
    }).pipe(Effect.withSpan("Register.listImports"));
