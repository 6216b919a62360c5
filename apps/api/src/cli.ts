/**
 * @module cli
 * The command line: `pnpm --filter @care-atlas/api cli <command>` (or `care-atlas
 * <command>`; `help` lists the commands of `commands/`). Every command works while the
 * server runs:
 *
 * - on the embedded database (open in the server's process only), the CLI finds the
 *   server of that data directory through its operator file and sends the command to it
 *   over loopback with the file's token; the server runs it and answers what to print;
 * - with no server running there, or on a PostgreSQL server (`DATABASE_URL`, which many
 *   processes share), the CLI opens the database and runs the command itself; running
 *   servers see the change within a second (NOTIFY, with polling behind it).
 *
 * Errors are one line on stderr with a non-zero exit: 2 for bad usage, 1 otherwise.
 */

import { userInfo } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createAuthStore } from "@care-atlas/auth";
import { Register, type RegisterRuntime, StoreService } from "@care-atlas/services";
import { openStore, type Store, StoreLocked } from "@care-atlas/store";
import { Layer, ManagedRuntime } from "effect";
import { authClientOf } from "./authDatabase.js";
import {
  type Command,
  type CommandContext,
  findCommand,
  parseCommand,
  runCommand,
  usage,
} from "./commands/index.js";
import { type Env, EnvError, loadEnv } from "./env.js";
import { answerOfError, CommandAnswer } from "./operator/answer.js";
import { operatorPath } from "./operator/endpoint.js";
import { type OperatorInfo, runningServer } from "./operator/OperatorFile.js";

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

/** `argv` with the command's path arguments made absolute (the server reads them). */
const withAbsolutePaths = (command: Command, argv: ReadonlyArray<string>): string[] => {
  const out = [...argv];
  const paths = command.paths ?? [];
  if (paths.length === 0) return out;
  const offset = command.name.length;
  const { tokens } = parseArgs({
    args: out.slice(offset),
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: { ...(command.options ?? {}) },
  });
  let positional = 0;
  for (const token of tokens ?? []) {
    if (token.kind === "positional") {
      if (paths.includes(String(positional)) && !isAbsolute(token.value)) {
        out[offset + token.index] = resolve(token.value);
      }
      positional += 1;
    } else if (token.kind === "option" && paths.includes(token.name) && token.value !== undefined) {
      const absolute = resolve(token.value);
      if (token.inlineValue) out[offset + token.index] = `${token.rawName}=${absolute}`;
      else out[offset + token.index + 1] = absolute;
    }
  }
  return out;
};

/** Sends a command to the running server of the data directory. */
const sendCommand = async (
  server: OperatorInfo,
  request: { argv: string[]; stdin: string; user: string },
): Promise<CommandAnswer> => {
  let response: Response;
  try {
    response = await fetch(`${server.url}${operatorPath}`, {
      method: "POST",
      headers: { Authorization: `Operator ${server.token}`, "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    return {
      exitCode: 1,
      output: "",
      error: `the server of this data directory (process ${server.pid}) did not answer at ${server.url}: ${cause}`,
    };
  }
  const text = await response.text();
  const parsed = response.ok ? CommandAnswer.safeParse(JSON.parse(text)) : undefined;
  if (parsed?.success) return parsed.data;
  return {
    exitCode: 1,
    output: "",
    error: `the server at ${server.url} refused the command (${response.status}): ${text.slice(0, 200)}`,
  };
};

/** Runs the command in this process, on the database opened here. */
const runHere = async (
  env: Env,
  argv: ReadonlyArray<string>,
  stdin: string,
  actor: string,
): Promise<CommandAnswer> => {
  let store: Store;
  try {
    store = await openStore(
      env.databaseUrl === undefined ? { dataDir: env.dataDir } : { databaseUrl: env.databaseUrl },
    );
  } catch (error) {
    if (error instanceof StoreLocked) {
      return {
        exitCode: 1,
        output: "",
        error: `${error.message}; that process takes no commands (no operator file): stop it, or run the command in it`,
      };
    }
    throw error;
  }
  let runtime: ManagedRuntime.ManagedRuntime<Register, unknown> | undefined;
  try {
    const context: CommandContext = {
      auth: createAuthStore(authClientOf(store)),
      register: async (): Promise<RegisterRuntime> => {
        runtime ??= ManagedRuntime.make(
          Register.layer.pipe(Layer.provide(StoreService.fromStore(store))),
        );
        return runtime;
      },
      actor,
      publicUrl: env.publicUrl ?? `http://${env.host}:${env.port}`,
    };
    return { exitCode: 0, output: await runCommand(context, argv, stdin) };
  } catch (error) {
    return answerOfError(error);
  } finally {
    await runtime?.dispose();
    await store.close();
  }
};

const main = async (): Promise<number> => {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || ["help", "--help", "-h"].includes(argv[0] ?? "")) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const env = loadEnv();
  const { command, rest } = findCommand(argv);
  // Bad usage is reported before anything is opened or sent.
  const { values } = parseCommand(command, rest);
  const stdin = command.stdin?.(values) === true ? await readStdin() : "";
  const user = userInfo().username;
  const actor = `cli:${user}`;
  const server = env.databaseUrl === undefined ? runningServer(env.dataDir) : undefined;
  const answer =
    server === undefined
      ? await runHere(env, argv, stdin, actor)
      : await sendCommand(server, { argv: withAbsolutePaths(command, argv), stdin, user });
  if (answer.output !== "") process.stdout.write(`${answer.output}\n`);
  if (answer.error !== undefined) process.stderr.write(`care-atlas: ${answer.error}\n`);
  return answer.exitCode;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EnvError) {
      process.stderr.write(
        `care-atlas: ${error.issues.map((i) => `${i.variable}: ${i.message}`).join("; ")}\n`,
      );
      process.exit(2);
    }
    const answer = answerOfError(error);
    process.stderr.write(`care-atlas: ${answer.error ?? "failed"}\n`);
    process.exit(answer.exitCode === 0 ? 1 : answer.exitCode);
  },
);
