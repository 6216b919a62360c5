/**
 * A browser-like client of a harness's app for the integration tests: a cookie jar, the
 * CSRF token of a page, form posts, and signing in with one of the harness's accounts.
 */
import { type Harness, password } from "./harness.js";

/** A client with its own cookies, like one browser. */
export const client = (harness: Harness) => {
  const jar = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await harness.app.request(path, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name === undefined) continue;
      if (/max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value.join("="));
    }
    return response;
  };
  const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const signIn = async (email: string) => {
    const page = await request("/admin/sign-in");
    const token = csrfOf(await page.text());
    return request("/admin/sign-in", form({ _csrf: token, email, password, next: "/admin/" }));
  };
  return { jar, request, csrfOf, form, signIn };
};

/** A client. */
export type Client = ReturnType<typeof client>;

/** The values of a form's inputs, selects and text areas in a page, by name. */
export const formFields = (html: string): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    const [, name, value] = match;
    if (name !== undefined && value !== undefined && !/type="(checkbox|radio)"/.test(match[0]))
      fields[name] = value;
  }
  for (const match of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const [, name, options] = match;
    const selected = /<option value="([^"]*)" selected/.exec(options ?? "")?.[1];
    if (name !== undefined) fields[name] = selected ?? "";
  }
  for (const match of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    const [, name, value] = match;
    if (name !== undefined)
      fields[name] = (value ?? "").replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  }
  return fields;
};
