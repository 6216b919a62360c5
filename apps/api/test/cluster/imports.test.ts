/**
 * Imports through the CLI and the API into a fresh register (SEED=false), on each backend:
 * the embedded database (the CLI sends the command to the running server, which streams
 * its progress) and, when CARE_ATLAS_TEST_DATABASE_URL is set, a PostgreSQL server (the CLI
 * opens the database itself; the running server sees what it wrote within a second).
 * Real files of `@care-atlas/data`'s raw/ — NHS England's trusts (etr), its successor table
 * for all England, the October 2024 ePCN workbook — with the facts checked against the
 * files: every row of the successor table between trusts the register holds is a
 * succession; every GM PCN of the workbook is recorded under its name from the file's
 * date; importing again changes nothing; a file of the wrong layout and a rule-breaking
 * file are refused with one line (CLI) or a problem (API), changing nothing.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readEpcn, readSuccessions } from "@care-atlas/imports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../src/env.js";
import { readOperatorFile } from "../../src/operator/OperatorFile.js";
import { type FreshDatabase, freshDatabase } from "../support/databases.js";
import { expectStatus, send } from "../support/http.js";
import { type ApiProcess, apiRoot, runCli, startApi } from "../support/processes.js";
import { until } from "../support/timing.js";

const raw = join(apiRoot, "..", "..", "packages", "data", "raw");
const files = {
  etr: join(raw, "nhs_organisations", "gm_nhs_trusts_ods_etr.csv"),
  eccg: join(raw, "nhs_organisations", "gm_ccgs_sub_icb_locations_ods_eccg.csv"),
  epraccur: join(raw, "gp_practices", "gm_gp_practices_ods_epraccur_2025.csv"),
  successors: join(raw, "nhs_organisations", "ods_successions_england_2022-09.csv"),
  epcn: join(raw, "gp_practices", "epcn_2024-10.xlsx"),
};
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const keyOf = (text: string): string => /(ca_[0-9a-z]{8}_[0-9a-z]{40})/.exec(text)?.[1] ?? "";

const server = testDatabaseUrl();
const backends = [
  { name: "pglite", postgres: false },
  ...(server === undefined ? [] : [{ name: "postgres", postgres: true }]),
];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Report {
  readonly counts: Record<"created" | "changed" | "ended" | "unchanged" | "skipped", number>;
  readonly changes: number;
  readonly entities: number;
  readonly dataVersion: number;
  readonly file: { readonly sha256: string; readonly source: string };
}

describe.each(backends)("imports through the CLI and the API on $name", (backend) => {
  let dir: string;
  let db: FreshDatabase | undefined;
  let api: ApiProcess;
  let env: Record<string, string>;
  let key: string;

  const cli = (args: string[]) => runCli(args, { env });
  const dataVersion = async () =>
    expectStatus(
      await send<{ dataVersion: number }>(api.url, "/v1/changes?limit=1"),
      200,
      "the change feed",
    ).body.dataVersion;
  const idOf = async (code: string, validAt: string) =>
    (
      await send<{ data: { matches: Array<{ id: string }> } }>(
        api.url,
        `/v1/lookup/code/${code}?validAt=${validAt}`,
      )
    ).body.data?.matches[0]?.id;
  const post = async (path: string, file: string, query: string, accept = "application/json") => {
    const response = await fetch(`${api.url}/v1/imports?${query}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, Accept: accept, "Content-Type": "text/csv" },
      body: new Uint8Array(readFileSync(file)),
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      text: await response.text(),
      path,
    };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "care-atlas-imports-"));
    dirs.push(dir);
    db = backend.postgres ? await freshDatabase(server ?? "", "imports") : undefined;
    env =
      db === undefined
        ? { DATA_DIR: join(dir, "pglite"), SEED: "false" }
        : { DATABASE_URL: db.url, SEED: "false" };
    api = await startApi({ env });
    const made = await cli(["keys", "create", "--name", "Synthetic importer", "--scopes", "admin"]);
    expect(made.code, made.stderr).toBe(0);
    key = keyOf(made.stdout);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it("plans etr.csv (a dry run writes nothing), imports it, and the server answers the trusts within a second", async () => {
    const before = await dataVersion();
    const dry = await cli(["import", "ods-etr", files.etr, "--date", "2025-12-01", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    const trusts = readFileSync(files.etr, "utf8").trim().split("\n").length - 1;
    expect(dry.stdout).toMatch(
      new RegExp(
        `^Dry run of gm_nhs_trusts_ods_etr\\.csv \\(ods-etr\\): ${trusts} created, 0 changed, 0 ended, 0 unchanged; .*nothing written; SHA-256 ${sha256(files.etr)}; data version \\d+\\n$`,
      ),
    );
    // Not a terminal: no progress bar, one line on stdout.
    expect(dry.stderr).toBe("");
    expect(await dataVersion()).toBe(before);

    const done = await cli(["import", "ods-etr", files.etr, "--date", "2025-12-01"]);
    const finished = performance.now();
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(
      new RegExp(
        `^Imported gm_nhs_trusts_ods_etr\\.csv \\(ods-etr\\): ${trusts} created, .*; source ods-etr-2025-12-01-${sha256(files.etr).slice(0, 8)}, SHA-256 ${sha256(files.etr)}; data version (\\d+)\\n$`,
      ),
    );
    const written = Number(/data version (\d+)/.exec(done.stdout)?.[1]);
    expect(written).toBeGreaterThan(before);
    // The running server sees what the CLI wrote within a second of its end.
    await until(
      async () => (await dataVersion()) >= written,
      1000 - (performance.now() - finished),
      "the server's data version",
    );
    const r0a = await send<{ data: { matches: Array<{ version: { name: string } }> } }>(
      api.url,
      "/v1/lookup/code/R0A",
    );
    expect(r0a.body.data.matches[0]?.version.name).toBe(
      "MANCHESTER UNIVERSITY NHS FOUNDATION TRUST",
    );
  });

  it("imports the successor table: every row between trusts the register holds is a succession", async () => {
    const done = await cli([
      "import",
      "ods-successors",
      files.successors,
      "--date",
      "2022-09-26",
      "--json",
    ]);
    expect(done.code, done.stderr).toBe(0);
    const report = JSON.parse(done.stdout) as Report;
    expect(report.counts.created).toBeGreaterThan(20);
    expect(report.file.sha256).toBe(sha256(files.successors));
    await until(
      async () => (await dataVersion()) >= report.dataVersion,
      1000,
      "the server's data version",
    );

    const held = new Set(
      readFileSync(files.etr, "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[0]),
    );
    const rows = [];
    for await (const row of readSuccessions(readFileSync(files.successors))) rows.push(row);
    const gm = rows.filter((row) => held.has(row.newCode));
    expect(gm.length).toBeGreaterThan(10);
    for (const row of gm) {
      const successor = await idOf(row.newCode, row.date);
      const lookup = await send<{
        data: { closed: boolean; successors: Array<{ path: string[] }> };
      }>(api.url, `/v1/lookup/code/${row.oldCode}?validAt=${row.date}`);
      expect(lookup.body.data.closed, `${row.oldCode} on ${row.date}`).toBe(true);
      expect(
        lookup.body.data.successors.some((s) => s.path.includes(successor ?? "?")),
        `${row.oldCode} → ${row.newCode} ${row.date}`,
      ).toBe(true);
    }
    // GET /v1/lookup/code/RW6 lists RM3 and R0A.
    const rw6 = await send<{ data: { successors: Array<{ id: string }> } }>(
      api.url,
      "/v1/lookup/code/RW6",
    );
    expect(rw6.body.data.successors.map((s) => s.id)).toEqual(
      expect.arrayContaining([await idOf("RM3", "2024-01-01"), await idOf("R0A", "2024-01-01")]),
    );

    // Again: nothing changes.
    const before = await dataVersion();
    const again = await cli(["import", "ods-successors", files.successors, "--date", "2022-09-26"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/; 0 changes written;/);
    expect(await dataVersion()).toBe(before);
  });

  it("refuses, in one line with a non-zero exit, a wrong layout and a rule-breaking file, changing nothing", async () => {
    const before = await dataVersion();
    const wrong = await cli(["import", "ons-postcodes", files.etr, "--date", "2025-12-01"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /^care-atlas: invalid input: file: not a postcode directory .*lacks the column lsoa21\n$/,
    );
    expect(wrong.stdout).toBe("");
    // In ODS's succ.csv layout: R0A (open) succeeded by RWJ on 2020-01-01. Our row, not ODS's.
    const succ = join(dir, "succ.csv");
    writeFileSync(succ, '"R0A","RWJ","R","20200101",""\n');
    const refused = await cli(["import", "ods-successors", succ, "--date", "2026-01-01"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^care-atlas: the import of succ\.csv is refused: .*succession-dates.*nothing was written\n$/,
    );
    const usage = await cli(["import", "ods-etr", files.etr]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe(
      "care-atlas: --date: required: the date the file describes, YYYY-MM-DD\n",
    );
    const missing = await cli([
      "import",
      "ods-etr",
      join(dir, "absent.csv"),
      "--date",
      "2025-12-01",
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^care-atlas: cannot read .*absent\.csv: ENOENT\n$/);
    for (const answer of [wrong, refused, usage, missing])
      expect(answer.stderr).not.toMatch(/\n\s+at /);
    expect(await dataVersion()).toBe(before);
  });

  it("imports eccg, epraccur and the ePCN workbook over the API (NDJSON progress, then the report)", async () => {
    for (const [file, query] of [
      [files.eccg, "kind=ods-eccg&name=eccg.csv&published=2025-12-01"],
      [files.epraccur, "kind=ods-epraccur&name=epraccur.csv&published=2025-11-01"],
    ] as const) {
      const answer = await post("/v1/imports", file, query);
      expect(answer.status, answer.text).toBe(200);
      expect((JSON.parse(answer.text) as { data: Report }).data.counts.created).toBeGreaterThan(0);
    }
    const streamed = await post(
      "/v1/imports",
      files.epcn,
      "kind=ods-epcn&name=epcn_2024-10.xlsx&published=2024-10-25",
      "application/x-ndjson",
    );
    expect(streamed.status, streamed.text).toBe(200);
    expect(streamed.type).toBe("application/x-ndjson");
    const lines = streamed.text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.slice(0, -1).every((line) => "progress" in line)).toBe(true);
    expect(lines.map((line) => (line.progress as { phase?: string } | undefined)?.phase)).toContain(
      "planning",
    );
    const report = lines.at(-1)?.report as Report;
    expect(report.counts.created).toBeGreaterThan(0);
    expect(report.changes).toBeGreaterThan(0);

    // Every GM PCN of the workbook (a PCN of a practice the register holds) is recorded
    // under its name in the file from the file's date.
    const workbook = await readEpcn(readFileSync(files.epcn));
    const practices = new Set(
      readFileSync(files.epraccur, "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[0]?.replace(/"/g, "")),
    );
    const gmPcns = new Set(
      workbook.members.filter((m) => practices.has(m.practiceCode)).map((m) => m.pcnCode),
    );
    expect(gmPcns.size).toBeGreaterThan(50);
    for (const pcn of workbook.pcns.filter((p) => gmPcns.has(p.code))) {
      const found = await send<{ data: { matches: Array<{ version: { name: string } }> } }>(
        api.url,
        `/v1/lookup/code/${pcn.code}?validAt=2024-10-25`,
      );
      expect(found.body.data.matches[0]?.version.name.toUpperCase(), pcn.code).toBe(
        pcn.name.toUpperCase(),
      );
    }
    // Again over the API: nothing changes.
    const before = await dataVersion();
    const again = await post(
      "/v1/imports",
      files.epcn,
      "kind=ods-epcn&name=epcn_2024-10.xlsx&published=2024-10-25",
    );
    expect((JSON.parse(again.text) as { data: Report }).data.changes).toBe(0);
    expect(await dataVersion()).toBe(before);

    // The imported files, with their SHA-256.
    const list = await send<{
      data: Array<{ source: { file: { name: string; sha256: string } } }>;
    }>(api.url, "/v1/imports", { key });
    expect(list.body.data.map((f) => f.source.file.sha256)).toEqual(
      expect.arrayContaining([sha256(files.etr), sha256(files.successors), sha256(files.epcn)]),
    );
  });

  it.runIf(!backend.postgres)(
    "streams the progress of a command to the CLI from the running server",
    async () => {
      const operator = readOperatorFile(env.DATA_DIR ?? "");
      expect(operator?.pid).toBe(api.pid);
      const response = await fetch(`${operator?.url}/operator/commands`, {
        method: "POST",
        headers: {
          Authorization: `Operator ${operator?.token}`,
          "Content-Type": "application/json",
          Accept: "application/x-ndjson",
        },
        body: JSON.stringify({
          argv: ["import", "ods-successors", files.successors, "--date", "2022-09-26", "--dry-run"],
          stdin: "",
          user: "synthetic",
        }),
      });
      expect(response.headers.get("content-type")).toBe("application/x-ndjson");
      const lines = (await response.text())
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.filter((line) => "progress" in line).length).toBeGreaterThan(10);
      const answer = lines.at(-1)?.answer as { exitCode: number; output: string };
      expect(answer.exitCode).toBe(0);
      expect(answer.output).toMatch(/^Dry run of ods_successions_england_2022-09\.csv/);
    },
  );
});
