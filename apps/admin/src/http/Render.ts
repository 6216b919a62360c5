/**
 * @module Render
 * Sends a page: the HTML document, its status, and no caching (pages show live register
 * data and who is signed in).
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderDocument } from "../views/Layout.js";

/** Responds with a rendered page. */
export const page = (
  c: Context,
  element: unknown,
  status: ContentfulStatusCode = 200,
): Response => {
  c.header("Cache-Control", "no-store");
  return c.html(renderDocument(element), status);
};

/** A 303 redirect (after a POST, or to sign in). */
export const seeOther = (c: Context, location: string): Response => c.redirect(location, 303);
