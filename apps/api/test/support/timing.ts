/** Small timing helpers of the multi-process tests. */

/** Waits until `check` resolves true, polling every `everyMs`; resolves to the ms it took. */
export const until = async (
  check: () => Promise<boolean> | boolean,
  ms: number,
  what: string,
  everyMs = 5,
): Promise<number> => {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};

/** The p-th percentile (0–100) of some numbers (nearest rank). */
export const percentile = (values: ReadonlyArray<number>, p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};

/** "p50 12.3 ms, p99 45.6 ms, max 50.1 ms (n = 40)". */
export const describeTimes = (values: ReadonlyArray<number>): string =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n = ${values.length})`;

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
