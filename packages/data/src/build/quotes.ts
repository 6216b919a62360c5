/**
 * @module quotes
 * Facts taken from the seed documents are written next to the words they come from, and the
 * build checks that those words are in the seed, so a fact cannot drift from its source.
 */
import type { Raw, RawFile } from "./raw.js";

/** The seed's text with runs of white space made single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, " ");

/**
 * Returns `words` if the raw file contains them (ignoring differences in white space), and
 * throws otherwise.
 *
 * @example
 * ```ts
 * quoted(raw, "seed003", "a joint commissioning board was established on 23 May");
 * ```
 */
export const quoted = (raw: Raw, file: RawFile, words: string): string => {
  if (!flat(raw.text(file)).includes(flat(words))) {
    throw new Error(`${file} does not say: "${words}"`);
  }
  return words;
};
