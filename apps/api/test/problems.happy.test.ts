/**
 * Every problem `type` is a page of the server that explains it: each type URI of the
 * problem codes (and each one the suites saw) answers 200 with an HTML page naming it.
 */
import { describe, expect, it } from "vitest";
import { problemTypes } from "../src/problem.js";
import { api, call, expectProblem } from "./harness.js";

describe("problem type pages", () => {
  it("answers 200 with a page for every problem type URI", async () => {
    const codes = Object.keys(problemTypes);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      const type = `/problems/${code}`;
      const response = await fetch(new URL(type, api().url));
      expect(response.status, type).toBe(200);
      expect(response.headers.get("content-type"), type).toMatch(/^text\/html/);
      expect(response.headers.get("x-content-type-options"), type).toBe("nosniff");
      const html = await response.text();
      expect(html, type).toContain(`code: ${code}`);
      expect(html, type).toContain("What to do");
    }
    const index = await fetch(new URL("/problems", api().url));
    expect(index.status).toBe(200);
    for (const code of codes) expect(await index.clone().text()).toContain(`/problems/${code}`);
  });

  it("the type of a real problem resolves to its page", async () => {
    const problem = await expectProblem(await call("/v1/places?kindd=pcn"), 400, "invalid-request");
    const response = await fetch(new URL(String(problem.type), api().url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("The request is not valid");
  });

  it("an unknown problem type is a 404 problem", async () => {
    await expectProblem(await call("/problems/no-such-problem"), 404, "not-found");
  });
});
