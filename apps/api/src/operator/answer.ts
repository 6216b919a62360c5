/**
 * @module answer
 * What a command's run ends as — printed output and exit code 0, or one line saying what
 * went wrong and exit code 2 (bad usage) or 1 (anything else) — the same in the CLI's own
 * process and in the server that ran it for the CLI.
 */
import { AuthInputError } from "@care-atlas/auth";
import { isServiceError } from "@care-atlas/services";
import { StoreError } from "@care-atlas/store";
import { z } from "zod";
import { CommandError, UsageError } from "../commands/index.js";

/** The outcome of one command. */
export const CommandAnswer = z.object({
  exitCode: z.number().int().min(0).max(255),
  output: z.string(),
  /** One line, when it failed. */
  error: z.string().optional(),
});
export type CommandAnswer = z.infer<typeof CommandAnswer>;

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, "; ").trim();

/** The answer of a command that threw; `unexpected` is told about anything not foreseen. */
export const answerOfError = (
  error: unknown,
  unexpected: (error: unknown) => void = () => {},
): CommandAnswer => {
  if (error instanceof UsageError)
    return { exitCode: 2, output: "", error: oneLine(error.message) };
  if (
    error instanceof CommandError ||
    error instanceof AuthInputError ||
    error instanceof StoreError ||
    isServiceError(error)
  ) {
    return { exitCode: 1, output: "", error: oneLine(error.message) };
  }
  unexpected(error);
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: 1, output: "", error: oneLine(`unexpected error: ${message}`) };
};
