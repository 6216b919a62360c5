/**
 * @module Csrf
 * CSRF tokens tied to the session: a token is HMAC-SHA256(secret, purpose + session
 * secret), so only a page rendered for this session can carry it, a leaked token reveals
 * nothing of the session cookie, and no server-side token table is needed. Before sign-in
 * the "session secret" is a random pre-session cookie, so the sign-in form is protected too.
 * Every POST handler verifies the token with a constant-time comparison.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Issues and checks CSRF tokens.
 *
 * @example
 * ```ts
 * const csrf = new CsrfTokens(randomBytes(32));
 * const token = csrf.issue("session-secret");
 * csrf.verify("session-secret", token); // true
 * csrf.verify("another-session", token); // false
 * ```
 */
export class CsrfTokens {
  private readonly secret: Uint8Array;

  constructor(secret: Uint8Array | string = randomBytes(32)) {
    this.secret = typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;
    if (this.secret.byteLength < 16) throw new Error("the CSRF secret must be at least 16 bytes");
  }

  /** The token for the forms of a session (or pre-session) identified by `binding`. */
  issue(binding: string): string {
    return createHmac("sha256", this.secret)
      .update("care-atlas-admin csrf v1\0")
      .update(binding)
      .digest("base64url");
  }

  /** Whether `token` is the token of `binding`. */
  verify(binding: string | undefined, token: string | undefined): boolean {
    if (binding === undefined || binding === "" || token === undefined) return false;
    const expected = Buffer.from(this.issue(binding), "utf8");
    const actual = Buffer.from(token, "utf8");
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}

/** A fresh random pre-session value (for the sign-in form's CSRF binding). */
export const newPreSession = (): string => randomBytes(32).toString("base64url");
