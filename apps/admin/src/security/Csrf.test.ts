import { describe, expect, it } from "vitest";
import { CsrfTokens, newPreSession } from "./Csrf.js";

describe("CsrfTokens", () => {
  const csrf = new CsrfTokens("synthetic secret for tests only");

  it("accepts the token of the same session only", () => {
    const token = csrf.issue("session-a");
    expect(csrf.verify("session-a", token)).toBe(true);
    expect(csrf.verify("session-b", token)).toBe(false);
  });

  it("refuses a missing, empty or altered token", () => {
    const token = csrf.issue("session-a");
    expect(csrf.verify("session-a", undefined)).toBe(false);
    expect(csrf.verify("session-a", "")).toBe(false);
    expect(csrf.verify(undefined, token)).toBe(false);
    expect(
      csrf.verify("session-a", `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`),
    ).toBe(false);
  });

  it("depends on the secret", () => {
    const other = new CsrfTokens("a different synthetic secret");
    expect(other.verify("session-a", csrf.issue("session-a"))).toBe(false);
  });

  it("refuses a short secret", () => {
    expect(() => new CsrfTokens("short")).toThrow(/16 bytes/);
  });

  it("makes distinct pre-sessions", () => {
    expect(newPreSession()).not.toBe(newPreSession());
    expect(newPreSession()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
