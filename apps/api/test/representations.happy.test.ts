/**
 * Every list as CSV and NDJSON: each resource list (and the findings and rules) opens in a
 * spreadsheet-compatible CSV parser with the columns its OpenAPI document lists, and has as
 * many records as the whole JSON list (`all=true`) has items; NDJSON has one item per line.
 * The findings read by rule and walked a page at a time.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answers } from "./answers.js";
import { call, expectProblem, getJson } from "./harness.js";

const Document = z.looseObject({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.looseObject({
        parameters: z.array(z.looseObject({ name: z.string() })).optional(),
        responses: z.record(
          z.string(),
          z.looseObject({
            content: z
              .record(
                z.string(),
                z.looseObject({ schema: z.looseObject({ description: z.string().optional() }) }),
              )
              .optional(),
          }),
        ),
      }),
    ),
  ),
});

const documentedColumns = (description: string | undefined): string[] =>
  [...(description?.split("Columns: ")[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");

const ListJson = z.object({
  data: z.array(z.unknown()),
  nextCursor: z.string().nullable().optional(),
});

describe("CSV and NDJSON of every list", () => {
  it("opens in a CSV parser with the documented columns, one record per item", async () => {
    const document = await getJson("/openapi.json", Document);
    const lists = Object.entries(document.paths).filter(
      ([, methods]) => methods.get?.responses["200"]?.content?.["text/csv"] !== undefined,
    );
    expect(lists.length).toBeGreaterThanOrEqual(17);
    for (const [path, methods] of lists) {
      const columns = documentedColumns(
        methods.get?.responses["200"]?.content?.["text/csv"]?.schema.description,
      );
      expect(columns.length, path).toBeGreaterThan(1);
      const names = (methods.get?.parameters ?? []).map((p) => p.name);
      const query = names.includes("validAt") ? "?validAt=2025-06-01" : "";
      const paged = names.includes("all");
      const whole = ListJson.parse(
        await (await call(`${path}${paged ? "?all=true&validAt=2025-06-01" : query}`)).json(),
      );
      if (paged) expect(whole.nextCursor, path).toBeNull();
      const response = await call(`${path}${query}`, {
        headers: { Accept: "text/csv" },
      });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(/^text\/csv/);
      expect(response.headers.get("etag"), path).toMatch(/^W\//);
      const text = await response.text();
      const records: string[][] = parse(text, { bom: true, relax_column_count: false });
      expect(records[0], path).toEqual(columns);
      expect(records.length - 1, path).toBe(whole.data.length);
      const ndjson = await call(`${path}${query}`, {
        headers: { Accept: "application/x-ndjson" },
      });
      expect(ndjson.headers.get("content-type"), path).toBe("application/x-ndjson");
      const lines = (await ndjson.text()).split("\n").filter((line) => line !== "");
      expect(lines.length, path).toBe(whole.data.length);
      expect(
        lines.map((line) => JSON.parse(line)),
        path,
      ).toEqual(whole.data);
    }
  });

  it("writes the cells a spreadsheet needs: periods split, lists joined, JSON beyond", async () => {
    const text = await (
      await call("/v1/organisations?validAt=2026-01-01&kind=nhs-trust", {
        headers: { Accept: "text/csv" },
      })
    ).text();
    const rows: Record<string, string>[] = parse(text, { columns: true });
    const r0a = rows.find((row) => row.codes?.includes('"R0A"'));
    // The etr extract names its trusts as at its date (2025-12-01): the version from then.
    expect(r0a?.name).toMatch(/MANCHESTER UNIVERSITY/i);
    expect(r0a?.["valid.from"]).toBe("2025-12-01");
    expect(r0a?.["valid.to"]).toBe("");
  });

  it("gives CSV and JSON of one URL different ETags, and refuses paging with a whole list", async () => {
    const json = await call("/v1/places?validAt=2025-06-01");
    const csv = await call("/v1/places?validAt=2025-06-01", { headers: { Accept: "text/csv" } });
    await json.text();
    await csv.text();
    expect(json.headers.get("etag")).not.toBe(csv.headers.get("etag"));
    expect(csv.headers.get("vary")).toMatch(/Accept/);
    await expectProblem(await call("/v1/places?all=true&limit=5"), 400, "invalid-request");
    await expectProblem(
      await call("/v1/places?limit=5", { headers: { Accept: "text/csv" } }),
      400,
      "invalid-request",
    );
    await expectProblem(await call("/v1/places?all=yes"), 400, "invalid-request");
  });
});

describe("GET /v1/findings", () => {
  it("filters by rule and severity, and walks every finding a page at a time", async () => {
    const all = await getJson("/v1/findings?all=true", answers.findings);
    expect(all.data.length).toBe(all.errors + all.warnings);
    const band = await getJson("/v1/findings?rule=population-band&all=true", answers.findings);
    expect(band.data.length).toBeGreaterThan(0);
    expect(band.data.every((f) => f.rule === "population-band" && f.severity === "warning")).toBe(
      true,
    );
    const subject = band.data[0]?.subjects[0] ?? "";
    const about = await getJson(`/v1/findings?subject=${subject}&all=true`, answers.findings);
    expect(about.data.every((f) => f.subjects.includes(subject))).toBe(true);
    const walked: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: unknown[]; nextCursor: string | null } = await getJson(
        `/v1/findings?limit=7${cursor === null ? "" : `&cursor=${cursor}`}`,
        answers.findings,
      );
      walked.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(walked).toEqual(all.data);
    await expectProblem(await call("/v1/findings?rule=no-such-rule"), 400, "invalid-request");
    await expectProblem(await call("/v1/findings?cursor=bm9wZQ"), 400, "invalid-request");
  });

  it("serves the rule catalogue", async () => {
    const rules = await getJson("/v1/findings/rules", answers.rules);
    expect(rules.data.map((r) => r.id)).toContain("lsoa-overlap");
  });
});
