/**
 * The import page of the admin app over the real services and PGlite, starting from an
 * empty register: every route × role, CSRF, and real ODS files uploaded, planned and
 * applied — the trusts of `etr.csv`, then the successor table — with a wrong layout and a
 * rule-breaking file refused, writing nothing.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emptySnapshot } from "@care-atlas/domain";
import { runVerb } from "@care-atlas/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client as browserClient, type Client } from "./client.js";
import { accounts, type Harness, startHarness } from "./harness.js";

const raw = join(import.meta.dirname, "../../../packages/data/raw");
const etrPath = join(raw, "nhs_organisations/gm_nhs_trusts_ods_etr.csv");
const successorsPath = join(raw, "nhs_organisations/ods_successions_england_2022-09.csv");

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ snapshot: emptySnapshot(), onDisk: false });
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

const lastSeq = () => runVerb(harness.runtime, (register) => register.dataVersion);

const upload = async (
  c: Client,
  file: { name: string; bytes: Buffer | string },
  fields: Record<string, string>,
  csrf = true,
) => {
  const token = c.csrfOf(await (await c.request("/admin/imports")).text());
  const body = new FormData();
  if (csrf) body.set("_csrf", token);
  const part = typeof file.bytes === "string" ? file.bytes : new Uint8Array(file.bytes);
  body.set("file", new File([part], file.name, { type: "text/csv" }));
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return c.request("/admin/imports", { method: "POST", body });
};

const applyOf = (html: string): string | undefined =>
  /action="(\/admin\/imports\/[A-Za-z0-9_-]+\/apply)"/.exec(html)?.[1];

const signedIn = async (role: "viewer" | "editor" | "admin") => {
  const c = browserClient(harness);
  await c.signIn(accounts[role]);
  return c;
};

describe("the import page", () => {
  it("is for admins only: nobody → sign in, viewer and editor → 403", async () => {
    expect((await browserClient(harness).request("/admin/imports")).status).toBe(303);
    for (const role of ["viewer", "editor"] as const) {
      const c = await signedIn(role);
      expect((await c.request("/admin/imports")).status).toBe(403);
      const body = new FormData();
      body.set("_csrf", c.csrfOf(await (await c.request("/admin/")).text()));
      expect((await c.request("/admin/imports", { method: "POST", body })).status).toBe(403);
    }
    const admin = await signedIn("admin");
    const page = await admin.request("/admin/imports");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain("No file has been imported yet.");
  });

  it("refuses an upload without its CSRF token, or without a file, a layout and a date", async () => {
    const admin = await signedIn("admin");
    const seq = await lastSeq();
    const bytes = readFileSync(etrPath);
    const forged = await upload(
      admin,
      { name: "etr.csv", bytes },
      { kind: "ods-etr", published: "2025-12-01" },
      false,
    );
    expect(forged.status).toBe(403);
    const empty = await upload(admin, { name: "etr.csv", bytes: "" }, { kind: "", published: "" });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    for (const message of ["Choose the file to import", "Choose its layout", "Enter the date"]) {
      expect(html).toContain(message);
    }
    expect(await lastSeq()).toBe(seq);
  });

  it("says a file of another layout is not one, naming the missing column, and writes nothing", async () => {
    const admin = await signedIn("admin");
    const seq = await lastSeq();
    const wrong = await upload(
      admin,
      { name: "gm_nhs_trusts_ods_etr.csv", bytes: readFileSync(etrPath) },
      { kind: "ons-postcodes", published: "2025-12-01" },
    );
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain("nhsuk-error-summary");
    expect(html).toMatch(/The file: Not a postcode directory[^<]*lsoa21/);
    expect(await lastSeq()).toBe(seq);
  });

  it("plans etr.csv (every trust of the file created), applies it, and lists it with its SHA-256", async () => {
    const admin = await signedIn("admin");
    const bytes = readFileSync(etrPath);
    // The file's rows after its header: code, name, …
    const rows = bytes
      .toString("utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => ({ code: line.split(",")[0], name: line.split(",")[1] }));
    const seq = await lastSeq();
    const planned = await upload(
      admin,
      { name: "gm_nhs_trusts_ods_etr.csv", bytes },
      { kind: "ods-etr", published: "2025-12-01" },
    );
    expect(planned.status).toBe(200);
    const plan = await planned.text();
    expect(plan).toContain("What importing gm_nhs_trusts_ods_etr.csv would change");
    expect(plan).toContain(`>${rows.length}<`);
    expect(plan).toContain(rows[0]?.name ?? "?");
    expect(await lastSeq()).toBe(seq);

    const apply = applyOf(plan);
    expect(apply).toBeDefined();
    const page = await admin.request("/admin/imports");
    const token = admin.csrfOf(await page.text());
    const applied = await admin.request(apply ?? "", admin.form({ _csrf: token }));
    expect(applied.status).toBe(200);
    const result = await applied.text();
    expect(result).toContain("gm_nhs_trusts_ods_etr.csv was imported");
    expect(await lastSeq()).toBeGreaterThan(seq);
    // Applied once: the upload is gone.
    expect((await admin.request(apply ?? "", admin.form({ _csrf: token }))).status).toBe(404);

    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const history = await (await admin.request("/admin/imports")).text();
    expect(history).toContain(sha256);
    expect(history).toContain(`ods-etr-2025-12-01-${sha256.slice(0, 8)}`);

    // Again: the register holds it all, nothing to apply.
    const again = await upload(
      admin,
      { name: "gm_nhs_trusts_ods_etr.csv", bytes },
      { kind: "ods-etr", published: "2025-12-01" },
    );
    const againHtml = await again.text();
    expect(againHtml).toContain("applying it changes nothing");
    expect(applyOf(againHtml)).toBeUndefined();
  });

  it("refuses whole a file whose import breaks a rule, naming the records (422), writing nothing", async () => {
    const admin = await signedIn("admin");
    const seq = await lastSeq();
    // In ODS's succ.csv layout: R0A (open) succeeded by RWJ on 2020-01-01. Our row, not ODS's.
    const refused = await upload(
      admin,
      { name: "succ.csv", bytes: '"R0A","RWJ","R","20200101",""\n' },
      { kind: "ods-successors", published: "2026-01-01" },
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("The import is refused");
    expect(html).toMatch(/rule: succession-dates; records: [^<]*org_/);
    expect(await lastSeq()).toBe(seq);
  });

  it("applies the successor table on top: its successions of the trusts are created", async () => {
    const admin = await signedIn("admin");
    const planned = await upload(
      admin,
      { name: "ods_successions_england_2022-09.csv", bytes: readFileSync(successorsPath) },
      { kind: "ods-successors", published: "2022-09-26" },
    );
    const plan = await planned.text();
    // REX (Bury Health Care NHS Trust's code), named by no loaded file, is recorded by code.
    expect(plan).toMatch(/>REX<\/t[hd]><td[^>]*>recorded by code: 2002-03-31 – 2002-04-01</);
    const token = admin.csrfOf(plan);
    const applied = await admin.request(applyOf(plan) ?? "", admin.form({ _csrf: token }));
    expect(applied.status).toBe(200);
    const code = await runVerb(harness.runtime, (register) =>
      register.lookupCode("RW6", { validAt: "2024-01-01" }),
    );
    const idOf = async (ods: string) =>
      (await runVerb(harness.runtime, (register) => register.lookupCode(ods))).matches[0]?.id;
    // ODS: RW6 → RM3 and RW6 → R0A from 2021-10-01.
    expect(code.successors.map((s) => s.id)).toEqual(
      expect.arrayContaining([await idOf("RM3"), await idOf("R0A")]),
    );
  });
});
