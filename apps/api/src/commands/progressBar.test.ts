import { describe, expect, it } from "vitest";
import { barLine, progressBar } from "./progressBar.js";

describe("the CLI's progress bar", () => {
  it("draws the phase, a bar and the rows when the total is known", () => {
    expect(barLine({ phase: "planning", done: 12_740, total: 25_480 }, 80)).toMatch(
      /^\[#+\.+\] {2}50% planning 12,740\/25,480$/,
    );
    expect(barLine({ phase: "reading", done: 20_000, total: null }, 80)).toBe(
      "reading  20,000 rows",
    );
    expect(barLine({ phase: "done", done: 5, total: 5 }, 30).length).toBeLessThanOrEqual(30);
  });

  it("draws on a terminal only, at most ten times a second per phase, and clears its line", () => {
    const written: string[] = [];
    let now = 0;
    const terminal = { isTTY: true, columns: 100, write: (text: string) => written.push(text) };
    const bar = progressBar(terminal, () => now);
    bar.onProgress?.({ phase: "planning", done: 0, total: 10 });
    now = 50;
    bar.onProgress?.({ phase: "planning", done: 5, total: 10 });
    now = 60;
    bar.onProgress?.({ phase: "done", done: 10, total: 10 });
    bar.finish();
    expect(written).toHaveLength(3);
    expect(written[1]).toContain("done");
    expect(written[2]).toBe("\r\x1b[2K");

    const piped = progressBar({ isTTY: false, write: () => expect.unreachable() });
    expect(piped.onProgress).toBeUndefined();
    piped.finish();
  });
});
