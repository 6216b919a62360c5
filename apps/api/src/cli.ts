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
 * Errors are one line on stderr with a non-zero exit: 2 for bad usage, 1 otherwise. A long
 * command (an import) draws a progress bar on stderr when it is a terminal — the server
 * streams its progress as NDJSON — and prints its one-line summary on stdout.
 */

import { userInfo } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createAuthStore } from "@care-atlas/auth";
import {
  type ImportProgress,
  Register,
  type RegisterRuntime,
  StoreService,
} from "@care-atlas/services";
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
import { progressBar } from "./commands/progressBar.js";
import { type Env, EnvError, loadEnv } from "./env.js";
import { answerOfError, CommandAnswer } from "./operator/answer.js";
import { OperatorLine, operatorPath } from "./operator/endpoint.js";
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

/** The answer of a streamed command: its progress lines, then the answer line. */
const readStreamed = async (
  response: Response,
  onProgress: ((progress: ImportProgress) => void) | undefined,
): Promise<CommandAnswer | undefined> => {
  const reader = response.body?.getReader();
  if (reader === undefined) return undefined;
  const decoder = new TextDecoder();
  let buffer = "";
  let answer: CommandAnswer | undefined;
  const take = (line: string) => {
    if (line.trim() === "") return;
    const parsed = OperatorLine.safeParse(JSON.parse(line));
    if (!parsed.success) return;
    if ("answer" in parsed.data) answer = parsed.data.answer;
    else onProgress?.(parsed.data.progress);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n");
    while (end >= 0) {
      take(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf("\n");
    }
  }
  take(buffer + decoder.decode());
  return answer;
};

/** Sends a command to the running server of the data directory. */
const sendCommand = async (
  server: OperatorInfo,
  request: { argv: string[]; stdin: string; user: string },
  onProgress: ((progress: ImportProgress) => void) | undefined,
): Promise<CommandAnswer> => {
  let response: Response;
  let answer: CommandAnswer | undefined;
  try {
    response = await fetch(`${server.url}${operatorPath}`, {
      method: "POST",
      headers: {
        Authorization: `Operator ${server.token}`,
        "Content-Type": "application/json",
        Accept: "application/x-ndjson, application/json",
      },
      body: JSON.stringify(request),
    });
    if (response.ok && response.headers.get("content-type")?.includes("application/x-ndjson")) {
      answer = await readStreamed(response, onProgress);
      if (answer !== undefined) return answer;
      return {
        exitCode: 1,
        output: "",
        error: `the server at ${server.url} ended the command's answer before its end`,
      };
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    return {
      exitCode: 1,
      output: "",
      error: `the server of this data directory (process ${server.pid}) did not answer at ${server.url}: ${cause}`,
    };
  }
  const text = await response.text();
  let parsed: ReturnType<typeof CommandAnswer.safeParse> | undefined;
  try {
    parsed = response.ok ? CommandAnswer.safeParse(JSON.parse(text)) : undefined;
  } catch {
    parsed = undefined;
  }
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
  onProgress: ((progress: ImportProgress) => void) | undefined,
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
      progress: onProgress,
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
  const bar = progressBar(process.stderr);
  const answer =
    server === undefined
      ? await runHere(env, argv, stdin, actor, bar.onProgress)
      : await sendCommand(
          server,
          { argv: withAbsolutePaths(command, argv), stdin, user },
          bar.onProgress,
        );
  bar.finish();
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
