/**
 * A lock file beside a PGlite data directory's contents, so that a second process (or a
 * second open in this process) cannot open the same directory: PGlite is single-user and
 * does not refuse on its own. A lock left by a killed process is taken over once its
 * process is gone.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { StoreLocked } from "../StoreError.js";

const lockFileName = "care-atlas.lock";
const heldHere = new Set<string>();

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Takes the lock of `dataDir` (creating the directory); resolves to its release. */
export const lockDataDir = (dataDir: string): (() => void) => {
  const dir = resolve(dataDir);
  const file = join(dir, lockFileName);
  if (heldHere.has(dir)) throw new StoreLocked(`${dir} is already open in this process`);
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    // Write the pid to a private file, then link it into place: the lock file appears
    // atomically, with its content, or not at all.
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, String(process.pid));
    try {
      linkSync(temporary, file);
      heldHere.add(dir);
      return () => {
        heldHere.delete(dir);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new StoreLocked(
          `${dir} is in use by process ${pid} (PGlite allows one process per data directory)`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  throw new StoreLocked(`could not lock ${dir}: ${file} keeps reappearing`);
};
