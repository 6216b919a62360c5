/**
 * @module sources
 * The source registry: one {@link Source} per raw file and per seed document, with its
 * publisher, dataset, licence, data date, attribution line and where the copy came from
 * (repository @ commit, read from `SOURCES.md`). Every record's provenance cites these keys.
 */
import type { Source } from "@care-atlas/domain";
import { type Raw, rawPaths } from "./raw.js";
import { openDataSources, seedLicence, seedSources, sourceKeys } from "./sourceCatalogue.js";
import { attributionLines, type Repository, repositories } from "./sourcesMd.js";

/**
 * The attribution lines for the whole dataset: each of `SOURCES.md`'s lines once, with the
 * years of the data it covers in place of "[year]".
 */
export const attributionSummary = (raw: Raw): string[] => {
  const lines = attributionLines(raw.text("sources"));
  return (["ons", "os", "nhs"] as const).map((kind) => {
    const years = [
      ...new Set(openDataSources.filter((s) => s.attribution.includes(kind)).map((s) => s.year)),
    ]
      .filter((year): year is number => year !== undefined)
      .sort((a, b) => a - b);
    return lines[kind].replace("[year]", years.join(", "));
  });
};

const withYear = (line: string, year: number | undefined): string =>
  year === undefined ? line : line.replace("[year]", String(year));

const githubUrl = (repo: Repository, path: string | undefined): string =>
  path === undefined
    ? `https://github.com/${repo.repo}/tree/${repo.commit}`
    : `https://github.com/${repo.repo}/blob/${repo.commit}/${path}`;

/**
 * Every source: one per raw open-data file and one per seed, sorted by key. The licence of
 * the open data is OGL-UK-3.0 (`SOURCES.md`); the seeds are quoted texts, not OGL.
 */
export const buildSources = (raw: Raw): Source[] => {
  const sourcesMd = raw.text("sources");
  const repos = repositories(sourcesMd);
  const lines = attributionLines(sourcesMd);
  const sources: Source[] = [];
  for (const spec of openDataSources) {
    const origins = spec.origins.map((origin) => {
      const repo = repos.get(origin.repo);
      if (repo === undefined) throw new Error(`SOURCES.md has no repository ${origin.repo}`);
      return { origin, repo };
    });
    const first = origins[0];
    if (first === undefined) throw new Error(`source ${spec.file} has no origin`);
    const copied = origins
      .map(
        ({ origin, repo }) =>
          `${origin.repo} ${repo.repo} @ ${repo.commit}${origin.path === undefined ? "" : ` ${origin.path}`}${origin.what === undefined ? "" : ` (${origin.what})`}`,
      )
      .join("; ");
    const note = [`Copied to raw/${rawPaths[spec.file]} from ${copied}.`, spec.note]
      .filter((part) => part !== undefined)
      .join(" ");
    sources.push({
      key: sourceKeys[spec.file],
      publisher: spec.publisher,
      dataset: spec.dataset,
      licence: "OGL-UK-3.0",
      dataDate: spec.dataDate,
      url: githubUrl(first.repo, first.origin.path),
      attribution: spec.attribution.map((kind) => withYear(lines[kind], spec.year)).join(" "),
      note,
    });
  }
  for (const spec of seedSources) {
    sources.push({
      key: sourceKeys[spec.file],
      publisher: spec.publisher,
      dataset: spec.dataset,
      licence: seedLicence,
      dataDate: spec.dataDate,
      note: [`Seed document raw/${rawPaths[spec.file]}.`, spec.note]
        .filter((p) => p !== undefined)
        .join(" "),
    });
  }
  return sources.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
};
