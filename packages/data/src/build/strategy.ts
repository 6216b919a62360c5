/**
 * @module strategy
 * The strategy elements of seed 001, read from its text verbatim: the Health and Care Bill's
 * four aims for integrated care systems, the four themes of the Greater Manchester Strategy
 * 2021–2031, GMICP's vision, and its four shared outcomes each with their commitments.
 */
import type { StrategyElement } from "@care-atlas/domain";
import { stableId } from "./ids.js";
import { icbStart } from "./organisations.js";
import type { Raw } from "./raw.js";
import { sourceKeys as S } from "./sourceCatalogue.js";

const bullet = /^\s*•\s+(.*\S)\s*$/;

/** The bullet lines right after the line that starts with `intro`. */
const bulletsAfter = (lines: ReadonlyArray<string>, intro: string): string[] => {
  const start = lines.findIndex((line) => line.startsWith(intro));
  if (start < 0) throw new Error(`seed 001 has no line starting "${intro}"`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = bullet.exec(line);
    if (match !== null) items.push(match[1] as string);
    else if (items.length > 0 || line.trim() !== "") break;
  }
  if (items.length === 0) throw new Error(`seed 001 has no bullets after "${intro}"`);
  return items;
};

/** An outcome and its commitments, as seed 001 lists them. */
export interface Outcome {
  readonly text: string;
  readonly commitments: ReadonlyArray<string>;
}

/** The parts of seed 001 the strategy is made of. */
export interface StrategyText {
  readonly aims: ReadonlyArray<string>;
  readonly themes: ReadonlyArray<{ readonly title: string; readonly text: string }>;
  readonly vision: string;
  readonly outcomes: ReadonlyArray<Outcome>;
}

/** Reads the strategy out of seed 001's text. */
export const readStrategy = (text: string): StrategyText => {
  const lines = text.split(/\r?\n/);
  const aims = bulletsAfter(
    lines,
    "The Health and Care Bill 2020 identifies the following overarching aims",
  );
  const themes = bulletsAfter(
    lines,
    "The Greater Manchester Strategy for 2021-2031 sets out priorities",
  ).map((line) => {
    const [title, rest] = line.split(" – ");
    if (title === undefined || rest === undefined) throw new Error(`theme without " – ": ${line}`);
    return { title, text: rest };
  });
  // The vision is the one line in curly quotation marks.
  const visionLine = lines.find((line) => line.trim().startsWith("“") && line.trim().endsWith("”"));
  const vision = visionLine?.trim().replace(/^“/, "").replace(/”$/, "");
  if (vision === undefined) throw new Error("seed 001 has no vision");

  const start = lines.findIndex((line) => line.startsWith("Click on the shared outcome below"));
  if (start < 0) throw new Error("seed 001 has no shared outcomes");
  const outcomes: { text: string; commitments: string[] }[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "") continue;
    const match = bullet.exec(line);
    const current = outcomes.at(-1);
    if (match !== null) {
      if (current === undefined) throw new Error(`commitment before any outcome: ${line}`);
      current.commitments.push(match[1] as string);
    } else {
      outcomes.push({ text: line.trim(), commitments: [] });
    }
  }
  return { aims, themes, vision, outcomes };
};

/** The strategy elements, valid from the start of GMICP. */
export const buildStrategy = (raw: Raw): StrategyElement[] => {
  const strategy = readStrategy(raw.text("seed001"));
  const valid = { from: icbStart, to: null };
  const provenance = (what: string) => ({
    sources: [S.seed001, S.seed000],
    derivation: `${what}, verbatim from seed 001. Seed 001 is undated; it describes GMICP, which began on ${icbStart} (seed 000), as having agreed or adopted these, so valid.from is ${icbStart}.`,
  });
  const elements: StrategyElement[] = [];
  strategy.aims.forEach((text, i) => {
    elements.push({
      id: stableId("strategyElement", `seed001:aim:${i + 1}`),
      kind: "aim",
      framework: "Health and Care Bill 2020: overarching aims for Integrated Care Systems",
      text,
      order: i + 1,
      valid,
      provenance: provenance(`Aim ${i + 1} of 4`),
    });
  });
  strategy.themes.forEach((theme, i) => {
    elements.push({
      id: stableId("strategyElement", `seed001:theme:${i + 1}`),
      kind: "theme",
      framework: "The Greater Manchester Strategy for 2021-2031",
      title: theme.title,
      text: theme.text,
      order: i + 1,
      valid,
      provenance: provenance(`Key theme ${i + 1} of 4 (title and text split at the dash)`),
    });
  });
  elements.push({
    id: stableId("strategyElement", "seed001:vision"),
    kind: "vision",
    framework: "GMICP strategy for health and care",
    text: strategy.vision,
    order: 1,
    valid,
    provenance: provenance(
      "The vision GMICP agreed through workshop discussions (without its quotation marks)",
    ),
  });
  strategy.outcomes.forEach((outcome, i) => {
    const outcomeId = stableId("strategyElement", `seed001:outcome:${i + 1}`);
    elements.push({
      id: outcomeId,
      kind: "outcome",
      framework: "GMICP shared outcomes and shared commitments",
      text: outcome.text,
      order: i + 1,
      valid,
      provenance: provenance(`Shared outcome ${i + 1} of ${strategy.outcomes.length}`),
    });
    outcome.commitments.forEach((text, j) => {
      elements.push({
        id: stableId("strategyElement", `seed001:outcome:${i + 1}:commitment:${j + 1}`),
        kind: "commitment",
        framework: "GMICP shared outcomes and shared commitments",
        text,
        parentId: outcomeId,
        order: j + 1,
        valid,
        provenance: provenance(`Shared commitment ${j + 1} under shared outcome ${i + 1}`),
      });
    });
  });
  return elements;
};
