import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StoreLocked } from "../StoreError.js";
import { lockDataDir } from "./dataDirLock.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const dataDir = () => {
  const root = mkdtempSync(join(tmpdir(), "care-atlas-lock-"));
  made.push(root);
  return join(root, "pgdata");
};

describe("lockDataDir", () => {
  it("holds a data directory once per process, with this pid, until released", () => {
    const dir = dataDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "care-atlas.lock"), "utf8")).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(StoreLocked);
    release();
    expect(existsSync(join(dir, "care-atlas.lock"))).toBe(false);
    lockDataDir(dir)();
  });

  it("refuses a directory locked by a live process", () => {
    const dir = dataDir();
    lockDataDir(dir)(); // creates the directory
    writeFileSync(join(dir, "care-atlas.lock"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
  });

  it("takes over a lock left by a process that is gone", () => {
    const dir = dataDir();
    lockDataDir(dir)();
    // Pid 2^22 + 1 is above Linux's pid_max limit (4194304): never a live process.
    writeFileSync(join(dir, "care-atlas.lock"), String(2 ** 22 + 1));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "care-atlas.lock"), "utf8")).toBe(String(process.pid));
    release();
  });
});
