/**
 * Every service error the services' table distinguishes, raised from the admin's routes —
 * a page that reads (the app's error page) and the record and end forms (re-rendered with
 * the error) — answers with the status of that table, and no module but the one error
 * report turns a service error into an answer.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  errorInfo,
  type NotFound,
  type RegisterShape,
  type ServiceError,
  serviceErrorExamples,
} from "@care-atlas/services";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, client, formFields } from "./client.js";
import { accounts, type Harness, startHarness } from "./harness.js";
import { ids, syntheticSnapshot } from "./syntheticRegister.js";

/** The verbs the test makes fail. */
type Failing = "getVersions" | "previewChange" | "saveChange";

let failure: { readonly verb: Failing; readonly error: ServiceError } | undefined;

/**
 * The armed failure of `verb`, if any. The cast lets a verb fail with any service error,
 * not only those its type lists: the app must answer every one the same way.
 */
const failureOf = (verb: Failing) =>
  failure?.verb === verb ? (Effect.fail(failure.error) as Effect.Effect<never, NotFound>) : null;

const failingRegister = (real: RegisterShape): RegisterShape => ({
  ...real,
  getVersions: (kind, id, options) =>
    failureOf("getVersions") ?? real.getVersions(kind, id, options),
  previewChange: (request) => failureOf("previewChange") ?? real.previewChange(request),
  saveChange: (request, meta) => failureOf("saveChange") ?? real.saveChange(request, meta),
});

/** Runs `request` with `verb` failing with `error`. */
const failing = async <A,>(verb: Failing, error: ServiceError, request: () => Promise<A>) => {
  failure = { verb, error };
  try {
    return await request();
  } finally {
    failure = undefined;
  }
};

let harness: Harness;
let editor: Client;

beforeAll(async () => {
  harness = await startHarness({
    snapshot: syntheticSnapshot(),
    onDisk: false,
    register: failingRegister,
  });
  editor = client(harness);
  await editor.signIn(accounts.editor);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const reason = "Synthetic: raising every service error (test)";

describe("every service error answers with the services' status", () => {
  for (const error of serviceErrorExamples) {
    const { status, title } = errorInfo(error);
    const label = `${error._tag} (${error.message}) → ${status}`;

    it(`on a page: ${label}`, async () => {
      const response = await failing("getVersions", error, () =>
        editor.request(`/admin/records/${ids.executive1}`),
      );
      expect(response.status).toBe(status);
      const html = await response.text();
      expect(html).toContain(`<h1>${title.replace(/'/g, "&#39;")}</h1>`);
      expect(html).not.toContain("Sorry, there is a problem with the service");
    });

    it(`at a form's check and save: ${label}`, async () => {
      const form = formFields(
        await (await editor.request(`/admin/records/${ids.trust1}/edit`)).text(),
      );
      const post = (fields: Record<string, string>) =>
        editor.request(`/admin/records/${ids.trust1}/edit`, editor.form(fields));
      const check = await failing("previewChange", error, () =>
        post({ ...form, _reason: reason, _action: "check" }),
      );
      expect(check.status).toBe(status);
      expect(await check.text()).toContain('name="_reason"');

      const checked = await post({ ...form, _reason: reason, _action: "check" });
      const digest = /name="_checked" value="([^"]+)"/.exec(await checked.text())?.[1] ?? "";
      expect(digest).not.toBe("");
      const save = await failing("saveChange", error, () =>
        post({ ...form, _reason: reason, _action: "save", _checked: digest }),
      );
      expect(save.status).toBe(status);
      const html = await save.text();
      expect(html).toContain('name="_reason"');
      expect(html).toContain(reason);
    });

    it(`at the end form: ${label}`, async () => {
      const page = await (await editor.request(`/admin/records/${ids.trust1}/end`)).text();
      const response = await failing("saveChange", error, () =>
        editor.request(
          `/admin/records/${ids.trust1}/end`,
          editor.form({ ...formFields(page), date: "2030-04-01", _reason: reason }),
        ),
      );
      expect(response.status).toBe(status);
      expect(await response.text()).toContain('name="_reason"');
    });
  }

  it("leaves the register as it was", async () => {
    const history = await (await editor.request(`/admin/records/${ids.trust1}/history`)).text();
    expect(history).not.toContain(reason);
  });
});

describe("one place maps service errors", () => {
  const src = fileURLToPath(new URL("../src", import.meta.url));
  const sources = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const files = await Promise.all(
      entries.map((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : [join(dir, entry.name)],
      ),
    );
    return files.flat().filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
  };

  it("reads the services' table, or an error's tag, only in http/ServiceErrorPage.tsx", async () => {
    const offenders: string[] = [];
    for (const file of await sources(src)) {
      const name = relative(src, file);
      if (name === join("http", "ServiceErrorPage.tsx")) continue;
      const code = await readFile(file, "utf8");
      for (const pattern of [/\berrorInfo\b/, /\bserviceProblems\b/, /\b_tag\b/]) {
        if (pattern.test(code)) offenders.push(`${name}: ${pattern.source}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("recognises a service error only there and in the app's error handler", async () => {
    const users: string[] = [];
    for (const file of await sources(src)) {
      if (/\bisServiceError\b/.test(await readFile(file, "utf8"))) users.push(relative(src, file));
    }
    expect(users.sort()).toEqual(["AdminApp.tsx", join("http", "ServiceErrorPage.tsx")]);
  });
});
