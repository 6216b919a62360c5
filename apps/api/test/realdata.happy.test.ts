/**
 * Checks against the raw source files in packages/data/raw, not against the dataset built
 * from them: what the API answers must agree with what the publishers published.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answers, okOf, resources } from "./answers.js";
import { call, getJson, parseAnswer } from "./harness.js";

const raw = (path: string) =>
  readFileSync(new URL(`../../../packages/data/raw/${path}`, import.meta.url), "utf8");

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) as records. */
const csv = (text: string): Array<Record<string, string>> => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  const [header = [], ...records] = rows.filter((r) => r.length > 1 || r[0] !== "");
  return records.map((cells) =>
    Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ""])),
  );
};

describe("every Trafford postcode in the ONS Postcode Directory sample", () => {
  it("resolves to its LSOA and to the place Trafford", async () => {
    const rows = csv(raw("postcodes/trafford_postcodes_2025-02.csv"));
    expect(rows.length).toBeGreaterThan(11_000);
    const mismatches: string[] = [];
    for (let start = 0; start < rows.length; start += 10_000) {
      const batch = rows.slice(start, start + 10_000);
      const response = await call("/v1/lookup/postcodes", {
        method: "POST",
        body: JSON.stringify({ postcodes: batch.map((row) => row.postcode) }),
      });
      const body = await parseAnswer(response, answers.postcodes);
      body.data.forEach((item, i) => {
        const row = batch[i];
        if (row === undefined) return;
        if (item.result === null) {
          mismatches.push(`${row.postcode}: ${item.error?.detail}`);
        } else if (item.result.lsoaCode !== row.lsoa_code) {
          mismatches.push(`${row.postcode}: LSOA ${item.result.lsoaCode} ≠ ${row.lsoa_code}`);
        } else {
          const place = body.included.places[item.result.placeId ?? ""];
          if (!place?.codes.some((code) => code.value === row.la_code)) {
            mismatches.push(`${row.postcode}: place ${place?.name} ≠ ${row.la_name}`);
          }
        }
      });
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});

describe("every active GP practice with a current PCN membership in ePCN (January 2023)", () => {
  it("resolves to that PCN on the file's date (later workbooks move some practices)", async () => {
    const practices = csv(raw("gp_practices/gm_gp_practices_ods_epraccur_2025.csv"));
    const active = new Set(
      practices
        .filter((p) => p.status_code === "A" && p.prescribing_setting === "4")
        .map((p) => p.ods_code),
    );
    const memberships = csv(raw("gp_practices/gm_pcn_core_partners_epcn_2023-01.csv")).filter(
      (m) => m.relationship_end_date === "" && active.has(m.practice_code ?? ""),
    );
    expect(memberships.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    for (const membership of memberships) {
      const response = await call(
        `/v1/lookup/practice/${membership.practice_code}?validAt=2023-01-09`,
      );
      if (response.status !== 200) {
        wrong.push(`${membership.practice_code}: ${response.status}`);
        continue;
      }
      const body = await parseAnswer(response, answers.practice);
      if (!body.data.pcn?.codes.some((code) => code.value === membership.pcn_code)) {
        wrong.push(
          `${membership.practice_code}: ${JSON.stringify(body.data.pcn?.codes)} ≠ ${membership.pcn_code}`,
        );
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe("the ten GM districts", () => {
  it("are the places of Greater Manchester today, each with its GSS code", async () => {
    const districts = csv(raw("geography/gm_local_authorities.csv"));
    const page = await getJson("/v1/places?limit=1000", okOf(resources.places.routes.list));
    for (const district of districts) {
      const code = Object.values(district).find((value) => /^E08\d{6}$/.test(value));
      expect(page.data.some((place) => place.codes.some((c) => c.value === code))).toBe(true);
    }
  });
});
