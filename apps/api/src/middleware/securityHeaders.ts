/**
 * @module securityHeaders
 * The security headers, set before the handler runs (so they are part of the response it
 * creates, with no second pass over its headers). JSON responses (every route but the docs
 * pages) get the few headers that mean something for a JSON body: no sniffing, no framing,
 * HSTS, a CSP that lets nothing load, and a resource policy that lets other origins read
 * it. The docs pages and the problem type pages (HTML) get the full set for pages (the
 * docs with their own CSP); the admin app
 * (mounted at /admin) sets all of its own. The README ("Security headers") gives the reason
 * for each header kept or left out.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";

/** The CSP of JSON responses: nothing may load, nothing may frame it. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'";

/**
 * The security headers of JSON responses, in order (also written by the hot path,
 * `fastRead.ts`).
 */
export const securityHeaderList: ReadonlyArray<readonly [string, string]> = [
  ["Content-Security-Policy", apiCsp],
  ["Cross-Origin-Resource-Policy", "cross-origin"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "SAMEORIGIN"],
];

/** The security headers of HTML pages (the docs), in order; the docs set their own CSP. */
export const pageSecurityHeaderList: ReadonlyArray<readonly [string, string]> = [
  ["Content-Security-Policy", `${apiCsp}; base-uri 'none'`],
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

/**
 * Sets the security headers on every response outside /admin (the page set on /docs and
 * /problems).
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path;
  if (
    path === "/docs" ||
    path.startsWith("/docs/") ||
    path === "/problems" ||
    path.startsWith("/problems/")
  ) {
    for (const [name, value] of pageSecurityHeaderList) c.header(name, value);
  } else if (!path.startsWith("/admin")) {
    for (const [name, value] of securityHeaderList) c.header(name, value);
  }
  await next();
};
