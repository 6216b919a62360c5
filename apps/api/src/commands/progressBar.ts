/**
 * @module progressBar
 * The CLI's progress bar for a long command (an import): one line on a terminal's stderr,
 * redrawn at most ten times a second — the phase, a bar when the total is known, rows done
 * — and cleared at the end. Not on a terminal, it draws nothing (the command prints its
 * one-line summary either way).
 */
import type { ImportProgress } from "@care-atlas/services";

/** What the bar draws on: a terminal's stderr (or a test's stand-in). */
export interface BarOutput {
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
  write(text: string): unknown;
}

const grouped = (n: number): string => n.toLocaleString("en-GB");

/** One line of the bar, `width` characters at most. */
export const barLine = (progress: ImportProgress, width = 80): string => {
  const counts =
    progress.total === null
      ? `${grouped(progress.done)} rows`
      : `${grouped(progress.done)}/${grouped(progress.total)}`;
  const label = `${progress.phase.padEnd(8)} ${counts}`;
  if (progress.total === null || progress.total === 0) return label.slice(0, width);
  const share = Math.min(1, progress.done / progress.total);
  const room = Math.max(10, Math.min(40, width - label.length - 9));
  const filled = Math.round(share * room);
  return `[${"#".repeat(filled)}${".".repeat(room - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${label}`.slice(
    0,
    width,
  );
};

/**
 * A progress listener drawing on `output` when it is a terminal; `finish()` clears the line.
 *
 * @example
 * ```ts
 * const bar = progressBar(process.stderr);
 * bar.onProgress({ phase: "planning", done: 500, total: 25_480 });
 * bar.finish();
 * ```
 */
export const progressBar = (
  output: BarOutput,
  now: () => number = Date.now,
): {
  readonly onProgress: ((progress: ImportProgress) => void) | undefined;
  readonly finish: () => void;
} => {
  if (output.isTTY !== true) return { onProgress: undefined, finish: () => {} };
  let last = 0;
  let lastPhase = "";
  let drawn = false;
  return {
    onProgress: (progress) => {
      const at = now();
      if (progress.phase === lastPhase && at - last < 100) return;
      last = at;
      lastPhase = progress.phase;
      drawn = true;
      const columns = output.columns ?? 0;
      output.write(`\r\x1b[2K${barLine(progress, columns > 20 ? columns - 1 : 79)}`);
    },
    finish: () => {
      if (drawn) output.write("\r\x1b[2K");
      drawn = false;
    },
  };
};
