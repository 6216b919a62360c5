/**
 * @module sourcesMd
 * Reading `SOURCES.md`, the record of where the raw files were copied from: its table of
 * repositories (each pinned at a commit) and its required attribution lines.
 */

/** A repository that supplied copies, as `SOURCES.md` lists it. */
export interface Repository {
  readonly key: string;
  readonly repo: string;
  readonly commit: string;
  /** The date note `SOURCES.md` gives in brackets, if any. */
  readonly date?: string;
}

const repositoryRow = /^\| ([A-Z-]+) \| ([\w.-]+\/[\w.-]+) @ ([0-9a-f]{40})(?: \(([^)]*)\))? \|/;

/**
 * The repositories of `SOURCES.md`'s table, by key.
 *
 * @example
 * ```ts
 * repositories("| NS | jhau/nhs-spend @ 1e5af1327e6f84e8479085bfa65a5f579036880f (2025) | … |").get("NS")?.repo; // "jhau/nhs-spend"
 * ```
 */
export const repositories = (sourcesMd: string): Map<string, Repository> => {
  const result = new Map<string, Repository>();
  for (const line of sourcesMd.split("\n")) {
    const match = repositoryRow.exec(line);
    const [, key, repo, commit, date] = match ?? [];
    if (key === undefined || repo === undefined || commit === undefined) continue;
    result.set(key, date === undefined ? { key, repo, commit } : { key, repo, commit, date });
  }
  return result;
};

/** The attribution lines `SOURCES.md` requires, with `[year]` still in them. */
export interface AttributionLines {
  readonly ons: string;
  readonly os: string;
  readonly nhs: string;
}

/**
 * The quoted attribution lines of `SOURCES.md`'s "Licences and attribution" bullets.
 *
 * @example
 * ```ts
 * attributionLines(sourcesMd).nhs; // "Contains public sector information from NHS England licensed under the Open Government Licence v3.0."
 * ```
 */
export const attributionLines = (sourcesMd: string): AttributionLines => {
  const section = sourcesMd.split("## Licences and attribution")[1]?.split("\n## ")[0] ?? "";
  const bullets = section
    .split(/\n\* /)
    .slice(1)
    .map((bullet) => (bullet.split("\n\n")[0] ?? "").replace(/\s+/g, " ").trim());
  const quoted = (starts: string): string => {
    const bullet = bullets.find((b) => b.startsWith(starts));
    // The line is the bullet's last quoted text (the NHS bullet first quotes a dataset title).
    const text = bullet === undefined ? undefined : [...bullet.matchAll(/"([^"]+)"/g)].at(-1)?.[1];
    if (text === undefined) throw new Error(`SOURCES.md: no attribution line for "${starts}"`);
    return text;
  };
  return { ons: quoted("ONS geography"), os: quoted("Boundaries"), nhs: quoted("NHS ODS") };
};
