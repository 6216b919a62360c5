/**
 * `POST /v1/imports` and `GET /v1/imports` on the GM register (the shared test server, on
 * PGlite or the PostgreSQL server), every answer checked against the served document and
 * parsed with the route's schema: the ODS successor table and the October 2024 ePCN
 * workbook, ONS's LSOA → ward 2024 lookup and the Trafford postcode extract, which the
 * dataset was built from, change nothing when imported again, and the register answers
 * what they say — every ePCN 2024 rename of a GM PCN is a new version from the workbook's
 * date, GM LSOAs have the lookup's wards, the postcodes the extract's LSOAs. A dry run writes nothing; NDJSON streams progress then the report.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readEpcn } from "@care-atlas/imports";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ImportedFile, ImportReport } from "../src/routes/imports/schemas.js";
import { api, call, lastSeq, parseAnswer } from "./harness.js";
import { apiRoot } from "./support/processes.js";

const raw = join(apiRoot, "..", "..", "packages", "data", "raw");
const successors = readFileSync(
  join(raw, "nhs_organisations", "ods_successions_england_2022-09.csv"),
);
const epcn = readFileSync(join(raw, "gp_practices", "epcn_2024-10.xlsx"));
const Answer = z.object({ data: ImportReport });

const upload = (query: string, body: Uint8Array, accept = "application/json") =>
  call(`/v1/imports?${query}`, {
    method: "POST",
    key: api().keys.admin,
    body: new Uint8Array(body),
    headers: { "Content-Type": "text/csv", Accept: accept },
  });

const successorsQuery =
  "kind=ods-successors&name=ods_successions_england_2022-09.csv&published=2022-09-26";
const epcnQuery = "kind=ods-epcn&name=epcn_2024-10.xlsx&published=2024-10-25";

describe("imports on the GM register", () => {
  it("plans the successor table (a dry run writes nothing); importing it changes nothing", async () => {
    const before = await lastSeq();
    const dry = await parseAnswer(
      await upload(`${successorsQuery}&dryRun=true`, successors),
      Answer,
    );
    expect(dry.data.dryRun).toBe(true);
    expect(dry.data.counts.unchanged).toBeGreaterThan(10);
    expect(dry.data.counts.created + dry.data.counts.changed + dry.data.counts.ended).toBe(0);
    expect(dry.data.file.source).toMatch(/^ods-successors-2022-09-26-[0-9a-f]{8}$/);
    const done = await parseAnswer(await upload(successorsQuery, successors), Answer);
    expect(done.data.dryRun).toBe(false);
    expect(done.data.changes).toBe(0);
    expect(await lastSeq()).toBe(before);
  });

  it("streams the ePCN import as NDJSON; every 2024 rename of a GM PCN is a version from the workbook's date", async () => {
    const before = await lastSeq();
    const response = await upload(epcnQuery, epcn, "application/x-ndjson");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (await response.text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(0, -1).every((line) => "progress" in line)).toBe(true);
    const report = ImportReport.parse(lines.at(-1)?.report);
    expect(report.changes).toBe(0);
    expect(report.counts.unchanged).toBeGreaterThan(400);
    expect(await lastSeq()).toBe(before);

    // The 2023 names (ePCN January 2023, GM rows) against the 2024 workbook.
    const named2023 = new Map(
      readFileSync(join(raw, "gp_practices", "gm_pcns_epcn_2023-01.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => [line.split(",")[0] ?? "", line.split(",")[1] ?? ""]),
    );
    const workbook = await readEpcn(epcn);
    const renamed = workbook.pcns.filter(
      (pcn) =>
        named2023.has(pcn.code) &&
        named2023.get(pcn.code)?.toUpperCase() !== pcn.name.toUpperCase(),
    );
    expect(renamed.length).toBeGreaterThanOrEqual(2);
    const nameOn = async (code: string, validAt: string) => {
      const answer = await call(`/v1/lookup/code/${code}?validAt=${validAt}`);
      const body = (await answer.json()) as {
        data: { matches: Array<{ version: { name: string; valid: { from: string } } }> };
      };
      return body.data.matches[0]?.version;
    };
    for (const pcn of renamed) {
      expect((await nameOn(pcn.code, "2024-10-24"))?.name.toUpperCase(), pcn.code).toBe(
        named2023.get(pcn.code)?.toUpperCase(),
      );
      const after = await nameOn(pcn.code, "2024-10-25");
      expect(after?.name, pcn.code).toBe(pcn.name);
      expect(after?.valid.from, pcn.code).toBe("2024-10-25");
    }
  });

  it("takes ONS's LSOA → ward 2024 lookup again (nothing changes); each GM LSOA answers the file's ward", async () => {
    const file = readFileSync(
      join(raw, "geography", "lsoa21_ward24_ltla24_england_wales_2024.csv"),
    );
    const before = await lastSeq();
    const done = await parseAnswer(
      await upload(
        "kind=ons-lsoa-lookup&name=lsoa21_ward24_ltla24_england_wales_2024.csv&published=2024-05-01",
        file,
      ),
      Answer,
    );
    expect(done.data.layout).toMatchObject({
      kind: "ons-lsoa-lookup",
      assigns: "ward",
      vintage: 2024,
    });
    expect(done.data.changes).toBe(0);
    expect(await lastSeq()).toBe(before);
    const gm = new Set(
      readFileSync(join(raw, "geography", "gm_lsoa21_lookup.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[0]),
    );
    const rows = (parse(file, { from_line: 2 }) as string[][]).filter((fields) =>
      gm.has(fields[1]),
    );
    expect(rows.length).toBe(gm.size);
    // Every 40th GM LSOA of the file (43 of them), across the ten boroughs.
    for (const fields of rows.filter((_, i) => i % 40 === 0)) {
      const answer = await call(`/v1/areas/lsoas/${fields[1]}?validAt=2024-06-01`);
      const body = (await answer.json()) as { data: { ward: { code: string } | null } };
      expect(body.data.ward?.code, fields[1]).toBe(fields[3]);
    }
  });

  it("takes the Trafford postcode extract again (nothing changes); its postcodes answer the file's LSOA", async () => {
    const file = readFileSync(join(raw, "postcodes", "trafford_postcodes_2025-02.csv"));
    const before = await lastSeq();
    const done = await parseAnswer(
      await upload(
        "kind=ons-postcodes&name=trafford_postcodes_2025-02.csv&published=2025-02-13",
        file,
      ),
      Answer,
    );
    expect(done.data.changes).toBe(0);
    expect(done.data.counts.unchanged).toBe(file.toString("utf8").trim().split("\n").length - 1);
    expect(await lastSeq()).toBe(before);
    const rows = parse(file, { from_line: 2 }) as string[][];
    for (const fields of rows.filter((_, i) => i % 500 === 0)) {
      const answer = await call(`/v1/lookup/postcode/${encodeURIComponent(fields[0] ?? "")}`);
      const body = (await answer.json()) as { data: { lsoa: { code: string } } };
      expect(body.data.lsoa.code, fields[0]).toBe(fields[5]);
    }
  });

  it("lists the files imported so far", async () => {
    const list = await parseAnswer(
      await call("/v1/imports", { key: api().keys.admin }),
      z.object({ data: z.array(ImportedFile), dataVersion: z.number() }),
    );
    for (const file of list.data) expect(file.source.file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
