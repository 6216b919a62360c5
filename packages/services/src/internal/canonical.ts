/** Canonical JSON (object keys sorted), to compare records whatever their key order. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort())
      sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });

/** Whether two histories hold the same versions in the same order. */
export const sameVersions = (a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>): boolean =>
  a.length === b.length && canonical(a) === canonical(b);
