/**
 * @module securityHeaders
 * The security headers of every API response, set before the handler runs (so they are
 * part of the response it creates, with no second pass over its headers): no sniffing, no
 * framing, HSTS, no referrer, isolation, and a CSP that lets nothing load. The docs pages
 * set their own CSP; the admin app (mounted at /admin) sets all of its own.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";

/** The CSP of JSON responses: nothing may load. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The security headers, in order (also written by the hot path, `fastRead.ts`). */
export const securityHeaderList: ReadonlyArray<readonly [string, string]> = [
  ["Content-Security-Policy", apiCsp],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "cross-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

/** Sets the security headers on every response outside /admin. */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.req.path.startsWith("/admin")) {
    for (const [name, value] of securityHeaderList) c.header(name, value);
  }
  await next();
};
