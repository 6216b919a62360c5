/**
 * `POST /v1/imports` refusing, on the GM register, with problem+json and nothing written: a
 * file of another layout (400, naming the missing column), an import that breaks a rule
 * (422, with the findings; in NDJSON the last line is the problem), a bad query (400).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { api, call, expectProblem, lastSeq } from "./harness.js";
import { apiRoot } from "./support/processes.js";

const etr = readFileSync(
  join(
    apiRoot,
    "..",
    "..",
    "packages",
    "data",
    "raw",
    "nhs_organisations",
    "gm_nhs_trusts_ods_etr.csv",
  ),
);
// In ODS's succ.csv layout: R0A (open) succeeded by RWJ on 2020-01-01. Our row, not ODS's.
const breaking = '"R0A","RWJ","R","20200101",""\n';

const upload = (query: string, body: Uint8Array | string, accept = "application/json") =>
  call(`/v1/imports?${query}`, {
    method: "POST",
    key: api().keys.admin,
    body: typeof body === "string" ? body : new Uint8Array(body),
    headers: { "Content-Type": "text/csv", Accept: accept },
  });

describe("imports that are refused change nothing", () => {
  it("400s a file of another layout, naming the missing column", async () => {
    const before = await lastSeq();
    const problem = await expectProblem(
      await upload("kind=ons-postcodes&name=etr.csv&published=2025-12-01", etr),
      400,
      "invalid-request",
    );
    expect(problem.detail).toMatch(/not a postcode directory.*lacks the column lsoa21/);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "file" })]);
    expect(await lastSeq()).toBe(before);
  });

  it("422s an import that breaks a rule, with the findings naming the records", async () => {
    const before = await lastSeq();
    const problem = await expectProblem(
      await upload("kind=ods-successors&name=succ.csv&published=2026-01-01", breaking),
      422,
      "validation-failed",
    );
    expect(problem.detail).toMatch(/the import of succ\.csv is refused.*nothing was written/);
    const findings = problem.findings as Array<{ rule: string; subjects: string[] }>;
    expect(findings.map((f) => f.rule)).toContain("succession-dates");
    expect(findings.flatMap((f) => f.subjects).some((id) => id.startsWith("org_"))).toBe(true);
    expect(await lastSeq()).toBe(before);
  });

  it("ends a streamed import that is refused with the problem, after its progress", async () => {
    const before = await lastSeq();
    const response = await upload(
      "kind=ods-successors&name=succ.csv&published=2026-01-01",
      breaking,
      "application/x-ndjson",
    );
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const last = lines.at(-1)?.problem as { status: number; code: string } | undefined;
    expect(last).toMatchObject({ status: 422, code: "validation-failed" });
    expect(await lastSeq()).toBe(before);
  });

  it("400s a wrong layout before any progress even when NDJSON is asked for", async () => {
    await expectProblem(
      await upload(
        "kind=ons-postcodes&name=etr.csv&published=2025-12-01",
        etr,
        "application/x-ndjson",
      ),
      400,
      "invalid-request",
    );
  });

  it("400s a query without its kind, name or date, naming each", async () => {
    const problem = await expectProblem(
      await upload("kind=ods-nope&published=2025-13", etr),
      400,
      "invalid-request",
    );
    const paths = (problem.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["query.kind", "query.name", "query.published"]));
  });
});
