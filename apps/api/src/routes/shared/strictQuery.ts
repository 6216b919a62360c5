/**
 * @module strictQuery
 * Strict query strings: a parameter the operation does not declare, or one sent twice, is a
 * 400 naming it (a typo in a filter must not silently answer everything). The names come
 * from the route's own query schema, so every route built with `guarded` gets the check
 * without listing them again. It runs before the route's validators; a request the read
 * cache answers has already passed it once (only 200s are cached, by their exact target),
 * so the hot path does no work for it.
 */
import type { RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context.js";
import { type FieldError, ProblemError } from "../../problem.js";

/** The query parameter names a route declares. */
export const declaredQueryNames = (route: RouteConfig): ReadonlyArray<string> => {
  const query = route.request?.query;
  return query instanceof z.ZodObject ? Object.keys(query.shape) : [];
};

/** The field errors of a query string against the declared names (empty when it is fine). */
export const queryErrors = (
  search: string,
  declared: ReadonlySet<string>,
): ReadonlyArray<FieldError> => {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  const list = [...declared].sort().join(", ");
  for (const [name] of new URLSearchParams(search)) {
    if (reported.has(name)) continue;
    if (!declared.has(name)) {
      reported.add(name);
      errors.push({
        path: `query.${name}`,
        message:
          list === ""
            ? "unknown parameter: this operation takes no query parameters"
            : `unknown parameter: this operation takes ${list}`,
      });
    } else if (seen.has(name)) {
      reported.add(name);
      errors.push({ path: `query.${name}`, message: "sent more than once: send it once" });
    }
    seen.add(name);
  }
  return errors;
};

/** The middleware refusing undeclared and repeated query parameters of `route`. */
export const strictQuery = (route: RouteConfig): MiddlewareHandler<AppEnv> => {
  const declared = new Set(declaredQueryNames(route));
  return async function strictQueryMiddleware(c, next) {
    const url = c.req.url;
    const start = url.indexOf("?");
    if (start === -1 || start === url.length - 1) return next();
    const errors = queryErrors(url.slice(start + 1), declared);
    if (errors.length > 0) {
      throw new ProblemError("invalid-request", {
        detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
        errors,
      });
    }
    return next();
  };
};
