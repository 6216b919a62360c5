/**
 * @module lookups
 * Registers the lookups: postcode (one and bulk), practice, code, and the LSOA area. Each
 * handler parses, runs one verb, and answers with the typed body its route declares.
 */
import { runVerb } from "@care-atlas/services";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import type { AppEnv } from "../../context.js";
import { today } from "../../http/today.js";
import { chargeMore } from "../../middleware/limits.js";
import { ProblemError } from "../../problem.js";
import { getLsoa } from "../areas/lsoa.js";
import type { RouteDeps } from "../deps.js";
import { timeOptions } from "../shared/query.js";
import { guarded, readGuard, readHeaders, readMiddleware } from "../shared/reads.js";
import { type bulkAnswer, bulkAnswerStream } from "./bulkAnswer.js";
import { lookupCode } from "./code.js";
import { lookupPostcode, normalisePostcodeText } from "./postcode.js";
import { lookupPostcodes } from "./postcodes.js";
import { lookupPractice } from "./practice.js";

/** A read's fields beside its data version, as the lookups answer them. */
const splitVersion = <T extends { readonly dataVersion: number }>(read: T) => {
  const { dataVersion, ...data } = read;
  return { data, dataVersion };
};

/**
 * A JSON answer sent as a stream of its text: typed as the `c.json` answer of a `T` (the
 * route's schema checks the handler against it), sent as `stream`, which must be the text
 * of a `T` (`bulkAnswerStream` is that of `bulkAnswer`, a test checks).
 */
const streamedJson = <T>(
  c: Context<AppEnv>,
  stream: ReadableStream<Uint8Array>,
): Response & TypedResponse<T, 200, "json"> => {
  c.header("Content-Type", "application/json");
  const response: Response = c.body(stream, 200);
  return response as Response & TypedResponse<T, 200, "json">;
};

/** Adds the lookup routes. */
export const registerLookups = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const middleware = readMiddleware(deps);
  const { runtime } = deps;

  app.openapi(guarded(lookupPostcode, ...middleware), async (c) => {
    const { postcode } = c.req.valid("param");
    const normalised = normalisePostcodeText(postcode);
    if (normalised === null) {
      throw new ProblemError("invalid-request", {
        detail: `"${postcode}" is not a UK postcode`,
        errors: [{ path: "path.postcode", message: "must be a UK postcode such as M32 0JG" }],
      });
    }
    const time = timeOptions(c.req.valid("query"));
    const read = await runVerb(runtime, (register) => register.postcode(normalised, time));
    const body = splitVersion(read);
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });

  app.openapi(guarded(lookupPostcodes, readGuard(deps.readsRequireKey)), async (c) => {
    const body = c.req.valid("json");
    // A bulk lookup counts against the rate limit by its size: one per postcode.
    chargeMore(c, body.postcodes.length - 1);
    // One date for the whole request; postcodes validated with the `postcode` library (as
    // the one-postcode route), then resolved by the services in one plain loop.
    const { asOf, validAt = today() } = timeOptions(body);
    // Every chunk from one reader: one data version for the whole answer, however long the
    // client takes to read it. Each chunk is looked up and written as the stream is read,
    // so no array of every answer, nor the whole text, is held.
    const reader = await runVerb(runtime, (register) => register.postcodeReader({ asOf }));
    c.header("Cache-Control", "no-store");
    // Streamed (compressed as it streams when asked), and not kept by the read cache (a POST).
    c.set("streamed", true);
    return streamedJson<ReturnType<typeof bulkAnswer>>(
      c,
      bulkAnswerStream(body.postcodes, normalisePostcodeText, reader.dataVersion, (chunk) =>
        reader.lookup(chunk, validAt),
      ),
    );
  });

  app.openapi(guarded(lookupPractice, ...middleware), async (c) => {
    const { odsCode } = c.req.valid("param");
    const time = timeOptions(c.req.valid("query"));
    const read = await runVerb(runtime, (register) => register.practice(odsCode, time));
    const body = splitVersion(read);
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });

  app.openapi(guarded(getLsoa, ...middleware), async (c) => {
    const { code } = c.req.valid("param");
    const time = timeOptions(c.req.valid("query"));
    const read = await runVerb(runtime, (register) => register.lsoa(code, time));
    const body = splitVersion(read);
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });

  app.openapi(guarded(lookupCode, ...middleware), async (c) => {
    const { code } = c.req.valid("param");
    const query = c.req.valid("query");
    const options = {
      ...timeOptions(query),
      ...(query.system === undefined ? {} : { system: query.system }),
    };
    const read = await runVerb(runtime, (register) => register.lookupCode(code, options));
    const { data, dataVersion } = splitVersion(read);
    const body = {
      data: { ...data, matches: [...data.matches], successors: [...data.successors] },
      dataVersion,
    };
    readHeaders(c, body, deps.readsRequireKey);
    return c.json(body, 200);
  });
};
