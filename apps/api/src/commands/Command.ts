/**
 * @module Command
 * What a command of the CLI is: the words that name it (`keys create`), its options, and
 * `run(context, input)` returning what to print. A command runs the same wherever it runs:
 * in the CLI's own process (which opens the database itself), or in the running server of
 * an embedded database, which the CLI sends it to over loopback (see `cli.ts`,
 * `operator/`). The {@link CommandContext} is how a command reaches the register and the
 * access store in either place. Add a command: define it with {@link defineCommand} in a
 * file of this folder and list it in `commands/index.ts`.
 */
import type { AuthStore } from "@care-atlas/auth";
import type { ImportProgress, RegisterRuntime } from "@care-atlas/services";

/** What a command can use, wherever it runs. */
export interface CommandContext {
  /** API keys, accounts and the audit trail. */
  readonly auth: AuthStore;
  /**
   * The services' runtime (every verb: imports, reads). In the CLI's own process it is
   * opened on first use (building the read model takes a moment); in the server, the
   * server's own.
   */
  readonly register: () => Promise<RegisterRuntime>;
  /** Who runs it, for the audit trail and the change log: `cli:<os user>`. */
  readonly actor: string;
  /** Where users reach the server, for printed links (`PUBLIC_URL`, else http://HOST:PORT). */
  readonly publicUrl: string;
  /**
   * Hears the progress of a long command (an import): the CLI draws a bar on a terminal;
   * a running server streams it to the CLI as NDJSON. Absent: nobody listens.
   */
  readonly progress?: ((progress: ImportProgress) => void) | undefined;
}

/** An option of a command (as `node:util` `parseArgs` takes it). */
export interface CommandOption {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
}

/** What a command is given: its options, its positional arguments and standard input. */
export interface CommandInput {
  readonly values: Readonly<
    Record<string, string | boolean | ReadonlyArray<string | boolean> | undefined>
  >;
  readonly positionals: ReadonlyArray<string>;
  /** Standard input, read by the CLI when the command asks for it (`stdin`), else "". */
  readonly stdin: string;
}

/** One command. */
export interface Command {
  /** The words that name it, e.g. `["keys", "create"]`. */
  readonly name: ReadonlyArray<string>;
  /** How to call it, after the name: `--name <name> --scopes <read,write,admin>`. */
  readonly usage: string;
  /** One line: what it does. */
  readonly summary: string;
  readonly options?: Readonly<Record<string, CommandOption>>;
  /**
   * Which arguments are file paths (option names, or `"0"`, `"1"`… for positionals): the
   * CLI makes them absolute before the command travels to the server, which reads them.
   */
  readonly paths?: ReadonlyArray<string>;
  /** Whether it reads standard input (the CLI reads it and sends it along). */
  readonly stdin?: (values: CommandInput["values"]) => boolean;
  readonly run: (context: CommandContext, input: CommandInput) => Promise<string>;
}

/** Defines a command (an identity function that checks its shape). */
export const defineCommand = (command: Command): Command => command;

/** Bad command-line input, naming the argument (exit code 2). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A command that could not be done, saying why in one line (exit code 1). */
export class CommandError extends Error {
  override readonly name = "CommandError";
}
