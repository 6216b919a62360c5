/**
 * @module commands
 * The CLI's commands, as one table (see `Command.ts`), and how one is found and run:
 *
 *   care-atlas keys create --name "Dashboard" --scopes read,write
 *   care-atlas keys list | keys revoke <prefix>
 *   care-atlas users create --email a@b.nhs.uk --role admin [--password-stdin]
 *   care-atlas users list | set-role | disable | enable | reset-password
 *   care-atlas audit [--limit 50]
 *   care-atlas import <kind> <file> --date 2024-10-25 [--dry-run] [--json]
 *
 * `runCommand` is the same in the CLI's process and in a running server (which runs the
 * commands the CLI sends it over loopback); `cli.ts` decides where.
 */
import { parseArgs } from "node:util";
import { audit } from "./audit.js";
import { type Command, type CommandContext, UsageError } from "./Command.js";
import { importCommand } from "./import.js";
import { keysCreate, keysList, keysRevoke } from "./keys.js";
import {
  usersCreate,
  usersDisable,
  usersEnable,
  usersList,
  usersResetPassword,
  usersSetRole,
} from "./users.js";

export { type Command, type CommandContext, CommandError, UsageError } from "./Command.js";

/** Every command, in the order `help` lists them. */
export const commands: ReadonlyArray<Command> = [
  keysCreate,
  keysList,
  keysRevoke,
  usersCreate,
  usersList,
  usersSetRole,
  usersDisable,
  usersEnable,
  usersResetPassword,
  audit,
  importCommand,
];

/** The CLI's usage text. */
export const usage = [
  "Usage: care-atlas <command> [options]",
  "",
  ...commands.map(
    (command) =>
      `  ${[command.name.join(" "), command.usage].filter((part) => part !== "").join(" ")}\n      ${command.summary}`,
  ),
].join("\n");

/** The command `argv` names and the arguments after its name, or a UsageError. */
export const findCommand = (
  argv: ReadonlyArray<string>,
): { command: Command; rest: ReadonlyArray<string> } => {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith("-")) break;
    words.push(arg);
  }
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.name.every((word, i) => words[i] === word);
    if (matches && command.name.length > (best?.name.length ?? 0)) best = command;
  }
  if (best === undefined) {
    const asked = words.join(" ");
    throw new UsageError(
      asked === ""
        ? "no command given: run `care-atlas help` for the commands"
        : `unknown command "${asked}": run \`care-atlas help\` for the commands`,
    );
  }
  return { command: best, rest: argv.slice(best.name.length) };
};

/** Parses a command's arguments (strictly: an unknown option is a UsageError). */
export const parseCommand = (command: Command, rest: ReadonlyArray<string>) => {
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: { ...(command.options ?? {}) },
    });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(
      `${command.name.join(" ")}: ${message} (usage: ${command.name.join(" ")} ${command.usage})`.trim(),
    );
  }
};

/** Runs the command `argv` names; resolves to what to print. */
export const runCommand = async (
  context: CommandContext,
  argv: ReadonlyArray<string>,
  stdin = "",
): Promise<string> => {
  const { command, rest } = findCommand(argv);
  const { values, positionals } = parseCommand(command, rest);
  return command.run(context, { values, positionals, stdin });
};
