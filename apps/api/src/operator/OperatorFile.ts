/**
 * @module OperatorFile
 * How the CLI finds the running server of an embedded database and proves it may command
 * it: the server writes `care-atlas.operator.json` into the data directory — its pid, a
 * loopback URL and a random token — readable by its OS user only (mode 0600), and removes
 * it on shutdown. Whoever can read the file is the server's own user (or root); the server
 * takes commands only from the same machine and only with the token.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The file's name in the data directory. */
export const operatorFileName = "care-atlas.operator.json";

/** What the file holds. */
export const OperatorInfo = z.object({
  pid: z.number().int().positive(),
  url: z.url(),
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type OperatorInfo = z.infer<typeof OperatorInfo>;

/** A new operator token (32 random bytes, base64url). */
export const newOperatorToken = (): string => randomBytes(32).toString("base64url");

/** The loopback URL of a server listening on `host:port` (0.0.0.0 and :: mean every address). */
export const loopbackUrl = (host: string, port: number): string => {
  if (host === "0.0.0.0" || host === "" || host === "localhost") return `http://127.0.0.1:${port}`;
  if (host === "::" || host === "[::]") return `http://[::1]:${port}`;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
};

/** Writes the file (owner read/write only), atomically; resolves to its removal. */
export const writeOperatorFile = (dataDir: string, info: OperatorInfo): (() => void) => {
  const file = join(dataDir, operatorFileName);
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(info), { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return () => {
    // Only ours: a later server of the same directory may have written its own.
    if (readOperatorFile(dataDir)?.token === info.token) rmSync(file, { force: true });
  };
};

/** The file's contents, or undefined when there is none (or it does not parse). */
export const readOperatorFile = (dataDir: string): OperatorInfo | undefined => {
  let text: string;
  try {
    text = readFileSync(join(dataDir, operatorFileName), "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = OperatorInfo.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** Whether a process is alive (EPERM: it exists, but is someone else's). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The running server of a data directory, if one left its file and is still alive. */
export const runningServer = (dataDir: string): OperatorInfo | undefined => {
  const info = readOperatorFile(dataDir);
  return info !== undefined && processAlive(info.pid) ? info : undefined;
};
