/**
 * A throwaway PostgreSQL cluster for the fault tests — made with `initdb` in a temporary
 * directory, served on a free loopback port, with a streaming standby when asked
 * (`pg_basebackup -R`) — so that restarting or stopping a server harms nobody else's
 * tests. Removed (stopped, deleted) at the end. PostgreSQL refuses to run as root: as root,
 * its programs run as the `postgres` user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where PostgreSQL's programs are: `pg_config --bindir`, else Debian's newest version. */
const binDir = (): string => {
  const found = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (found.status === 0 && found.stdout.trim() !== "") return found.stdout.trim();
  const versions = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = join("/usr/lib/postgresql", version, "bin");
    if (existsSync(join(dir, "pg_ctl"))) return dir;
  }
  throw new Error("PostgreSQL's server programs (pg_ctl, initdb) are not installed");
};

/** Whether the PostgreSQL server programs (initdb, pg_ctl) are installed. */
export const postgresInstalled = (): boolean => {
  try {
    execFileSync(join(binDir(), "pg_ctl"), ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

const asRoot = process.getuid?.() === 0;

const run = (program: string, args: ReadonlyArray<string>): string => {
  const command = join(binDir(), program);
  const result = asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, [...args], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${program} failed (${result.status}): ${result.stderr}${result.stdout}`);
  }
  return result.stdout;
};

/** A free loopback port. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });

const owned = (dir: string): string => {
  if (asRoot) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim();
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim();
    chownSync(dir, Number(id), Number(gid));
  }
  return dir;
};

/** One server of a throwaway cluster. */
export interface PgServer {
  readonly port: number;
  readonly dir: string;
  /** The URL of `database` on this server (default `postgres`). */
  readonly url: (database?: string) => string;
  readonly start: () => void;
  /** Stops it: `fast` (sessions ended, a clean shutdown) or `immediate` (a crash). */
  readonly stop: (mode?: "fast" | "immediate") => void;
  readonly running: () => boolean;
}

const serverAt = (dir: string, port: number, extra: ReadonlyArray<string> = []): PgServer => {
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c shared_buffers=32MB",
    "-c max_connections=60",
    "-c fsync=on",
    ...extra,
  ].join(" ");
  const server: PgServer = {
    port,
    dir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => {
      run("pg_ctl", [
        "-D",
        join(dir, "data"),
        "-w",
        "-t",
        "60",
        "-l",
        join(dir, "log"),
        "-o",
        options,
        "start",
      ]);
    },
    stop: (mode = "fast") => {
      run("pg_ctl", ["-D", join(dir, "data"), "-w", "-t", "60", "-m", mode, "stop"]);
    },
    running: () => {
      const command = join(binDir(), "pg_ctl");
      const args = ["-D", join(dir, "data"), "status"];
      const result = asRoot
        ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args])
        : spawnSync(command, args);
      return result.status === 0;
    },
  };
  return server;
};

/** A throwaway cluster: a primary, and a standby of it when asked. */
export interface PgCluster {
  readonly primary: PgServer;
  readonly standby: PgServer | undefined;
  /** Stops every server and deletes the cluster. */
  readonly remove: () => void;
}

/** Makes and starts a throwaway cluster (trust auth on loopback, superuser `postgres`). */
export const createCluster = async (options: { standby?: boolean } = {}): Promise<PgCluster> => {
  const root = owned(mkdtempSync(join(tmpdir(), "care-atlas-pg-")));
  const primaryDir = owned(mkdtempSync(join(root, "primary-")));
  run("initdb", [
    "-D",
    join(primaryDir, "data"),
    "-U",
    "postgres",
    "--auth=trust",
    "--no-sync",
    "-E",
    "UTF8",
  ]);
  writeFileSync(
    join(primaryDir, "data", "pg_hba.conf"),
    "local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n",
  );
  const primary = serverAt(primaryDir, await freePort(), [
    "-c wal_level=replica",
    "-c max_wal_senders=5",
    "-c wal_keep_size=256MB",
  ]);
  primary.start();
  let standby: PgServer | undefined;
  if (options.standby === true) {
    const standbyDir = owned(mkdtempSync(join(root, "standby-")));
    run("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "postgres",
      "-D",
      join(standbyDir, "data"),
      "-R",
      "-X",
      "stream",
    ]);
    standby = serverAt(standbyDir, await freePort(), ["-c hot_standby=on"]);
    standby.start();
  }
  return {
    primary,
    standby,
    remove: () => {
      for (const server of [standby, primary]) {
        try {
          if (server?.running()) server.stop("immediate");
        } catch {
          // already gone
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
};
