/**
 * @module lookups
 * Registers the lookups: postcode (one and bulk), practice, code, and the LSOA area.
 */
import { findByCode, resolveSuccessor, today } from "@care-atlas/domain";
import type { PostcodeRead } from "@care-atlas/services";
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import { Effect, Exit } from "effect";
import type { Context } from "hono";
import type { AppEnv } from "../../context.js";
import { ProblemError } from "../../problem.js";
import { getLsoa } from "../areas/lsoa.js";
import { etagOf, notModified, run, runRead, sendRead, timeOptions } from "../common.js";
import type { RouteDeps } from "../deps.js";
import { guarded, readMiddleware } from "../resource.js";
import { lookupCode } from "./code.js";
import { lookupPostcode, normalisePostcodeText } from "./postcode.js";
import { lookupPostcodes } from "./postcodes.js";
import { lookupPractice } from "./practice.js";

type Handler = (c: Context<AppEnv>) => Promise<Response>;

/** One answer of a bulk lookup. */
interface BulkItem {
  readonly input: string;
  readonly postcode: string | null;
  readonly result: {
    readonly postcode: PostcodeRead["postcode"];
    readonly lsoaCode: string;
    readonly msoaCode: string;
    readonly wardCode: string | null;
    readonly neighbourhoodIds: ReadonlyArray<string>;
    readonly placeId: string | null;
    readonly subIcbLocationId: string | null;
    readonly icbId: string | null;
    readonly systemId: string | null;
  } | null;
  readonly error: {
    readonly code: "invalid-postcode" | "not-found";
    readonly detail: string;
  } | null;
}
type Valid = { valid(target: string): Record<string, unknown> };
const valid = <T>(c: Context<AppEnv>, target: "param" | "query" | "json"): T =>
  (c.req as unknown as Valid).valid(target) as T;

const splitVersion = <T extends { readonly dataVersion: number }>(read: T) => {
  const { dataVersion, ...data } = read;
  return { data, dataVersion };
};

/** Adds the lookup routes. */
export const registerLookups = (app: OpenAPIHono<AppEnv>, deps: RouteDeps): void => {
  const [read, cache] = readMiddleware(deps);
  const openapi = app.openapi as unknown as (route: RouteConfig, handler: Handler) => void;
  const { register } = deps;

  const early = (c: Context<AppEnv>): Response | undefined => {
    if (c.req.header("if-none-match") === undefined || c.req.query("asOf") !== undefined) {
      return undefined;
    }
    const etag = etagOf(c, Effect.runSync(register.dataVersion));
    if (!notModified(c, etag)) return undefined;
    c.header("ETag", etag);
    return c.body(null, 304);
  };

  openapi(guarded(lookupPostcode, read, cache), async (c) => {
    const cached = early(c);
    if (cached !== undefined) return cached;
    const { postcode } = valid<{ postcode: string }>(c, "param");
    const normalised = normalisePostcodeText(postcode);
    if (normalised === null) {
      throw new ProblemError("invalid-request", {
        detail: `"${postcode}" is not a UK postcode`,
        errors: [{ path: "path.postcode", message: "must be a UK postcode such as M32 0JG" }],
      });
    }
    const time = timeOptions(valid(c, "query"));
    const { data, dataVersion } = splitVersion(await runRead(register.postcode(normalised, time)));
    return sendRead(c, dataVersion, { data, dataVersion });
  });

  openapi(guarded(lookupPostcodes, read), async (c) => {
    const body = valid<{ postcodes: string[]; validAt?: string; asOf?: string }>(c, "json");
    // One date for the whole request.
    const asked = timeOptions(body);
    const time = { ...asked, validAt: asked.validAt ?? today() };
    const included = {
      lsoas: {} as Record<string, unknown>,
      neighbourhoods: {} as Record<string, unknown>,
      schemes: {} as Record<string, unknown>,
      places: {} as Record<string, unknown>,
      organisations: {} as Record<string, unknown>,
      systems: {} as Record<string, unknown>,
    };
    const refer = <T extends { readonly id: string }>(
      into: Record<string, unknown>,
      record: T | null,
    ): string | null => {
      if (record === null) return null;
      into[record.id] ??= record;
      return record.id;
    };
    // Validated with the `postcode` library (as the one-postcode route), then every valid
    // postcode resolved by the services in one plain loop over the read model.
    const normalised: Array<string | null> = new Array(body.postcodes.length);
    const wanted: string[] = [];
    for (let i = 0; i < body.postcodes.length; i++) {
      const postcode = normalisePostcodeText(body.postcodes[i] as string);
      normalised[i] = postcode;
      if (postcode !== null) wanted.push(postcode);
    }
    const lookup = register.lookupPostcodes(wanted, time);
    const answers = time.asOf === undefined ? await runRead(lookup) : await run(lookup);
    let found = 0;
    let next = 0;
    const items: BulkItem[] = new Array(body.postcodes.length);
    for (let i = 0; i < body.postcodes.length; i++) {
      const input = body.postcodes[i] as string;
      const postcode = normalised[i] ?? null;
      if (postcode === null) {
        items[i] = {
          input,
          postcode: null,
          result: null,
          error: { code: "invalid-postcode", detail: "not a UK postcode" },
        };
        continue;
      }
      const item = answers[next++];
      if (item === undefined || item.read === null) {
        items[i] = {
          input,
          postcode,
          result: null,
          error: item?.error ?? { code: "not-found", detail: `no answer for ${postcode}` },
        };
        continue;
      }
      const answer = item.read;
      found++;
      included.lsoas[answer.lsoa.code] ??= answer.lsoa;
      const neighbourhoodIds = answer.neighbourhoods.map((entry) => {
        refer(included.schemes, entry.scheme);
        return refer(included.neighbourhoods, entry.neighbourhood) as string;
      });
      items[i] = {
        input,
        postcode,
        result: {
          postcode: answer.postcode,
          lsoaCode: answer.lsoa.code,
          msoaCode: answer.lsoa.msoa.code,
          wardCode: answer.postcode.wardCode ?? answer.lsoa.ward?.code ?? null,
          neighbourhoodIds,
          placeId: refer(included.places, answer.place),
          subIcbLocationId: refer(included.organisations, answer.subIcbLocation),
          icbId: refer(included.organisations, answer.icb),
          systemId: refer(included.systems, answer.system),
        },
        error: null,
      };
    }
    c.header("Cache-Control", "no-store");
    return c.body(
      JSON.stringify({
        data: items,
        included,
        found,
        failed: items.length - found,
        dataVersion: Effect.runSync(register.dataVersion),
      }),
      200,
      { "Content-Type": "application/json" },
    );
  });

  openapi(guarded(lookupPractice, read, cache), async (c) => {
    const cached = early(c);
    if (cached !== undefined) return cached;
    const { odsCode } = valid<{ odsCode: string }>(c, "param");
    const time = timeOptions(valid(c, "query"));
    const { data, dataVersion } = splitVersion(await runRead(register.practice(odsCode, time)));
    return sendRead(c, dataVersion, { data, dataVersion });
  });

  openapi(guarded(getLsoa, read, cache), async (c) => {
    const cached = early(c);
    if (cached !== undefined) return cached;
    const { code } = valid<{ code: string }>(c, "param");
    const time = timeOptions(valid(c, "query"));
    const { data, dataVersion } = splitVersion(await runRead(register.lsoa(code, time)));
    return sendRead(c, dataVersion, { data, dataVersion });
  });

  openapi(guarded(lookupCode, read, cache), async (c) => {
    const cached = early(c);
    if (cached !== undefined) return cached;
    const { code } = valid<{ code: string }>(c, "param");
    const query = valid<{ validAt?: string; asOf?: string; system?: "ods" | "gss" }>(c, "query");
    const time = timeOptions(query);
    const options = { ...time, ...(query.system === undefined ? {} : { system: query.system }) };
    const exit = await Effect.runPromiseExit(register.getByCode(code, options));
    if (Exit.isSuccess(exit)) {
      return sendRead(c, exit.value.dataVersion, {
        data: { code, matches: exit.value.matches, closed: false, successors: [] },
        dataVersion: exit.value.dataVersion,
      });
    }
    // Nobody holds the code on the date. For the current recorded state, look for past
    // holders and follow their successions to the date.
    const notFound = async (): Promise<Response> => {
      await run(register.getByCode(code, options));
      throw new ProblemError("not-found", { detail: `nothing holds the code ${code}` });
    };
    if (query.asOf !== undefined) return notFound();
    const model = Effect.runSync(register.readModel);
    const matches = findByCode(
      model.index,
      code,
      query.system === undefined ? {} : { system: query.system },
    );
    if (matches.length === 0) return notFound();
    const date = query.validAt ?? today();
    const seen = new Set<string>();
    const successors = matches
      .filter((match) => match.kind !== "lsoa")
      .flatMap((match) => resolveSuccessor(model.index, match.id, date))
      .filter((path) => path.version !== undefined && path.path.length > 1)
      .filter((path) => {
        if (seen.has(path.id)) return false;
        seen.add(path.id);
        return true;
      })
      .map((path) => ({
        id: path.id,
        kind: path.kind ?? null,
        version: path.version,
        path: path.path,
      }));
    return sendRead(c, model.seq, {
      data: { code, matches, closed: true, successors },
      dataVersion: model.seq,
    });
  });
};
