/**
 * HTTP helpers of the multi-process tests: JSON calls with a key, and the synthetic records
 * the races write (names say "Synthetic"; references point at real records of the GM
 * dataset).
 */
import { loadSnapshot } from "@care-atlas/data";

/** What a call answered. */
export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** Sends JSON (when given) with a key (when given); parses the answer's JSON. */
export const send = async <T = Record<string, unknown>>(
  base: string,
  path: string,
  init: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> => {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key !== undefined) headers.Authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  let body: unknown = {};
  try {
    body = text === "" ? {} : JSON.parse(text);
  } catch {
    body = { text };
  }
  return { status: response.status, body: body as T, headers: response.headers };
};

/** Throws unless the answer has the status. */
export const expectStatus = <T>(answer: Answer<T>, status: number, what: string): Answer<T> => {
  if (answer.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body).slice(0, 600)}`,
    );
  }
  return answer;
};

export const dataset = loadSnapshot();

const must = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`the dataset has no ${what}`);
  return value;
};

/** Real records the synthetic ones refer to. */
export const real = {
  system: must(
    dataset.systems.find((s) => s.valid.to === null),
    "current system",
  ),
  place: must(
    dataset.places.find((p) => p.valid.to === null && p.name === "Trafford"),
    "Trafford",
  ),
  source: must(dataset.sources[0], "source").key,
};

/** LSOAs of the place (from its current neighbourhoods' footprints). */
export const placeLsoas = [
  ...new Set(
    dataset.neighbourhoods
      .filter((n) => n.placeId === real.place.id && n.valid.to === null)
      .flatMap((n) => n.footprint.lsoas),
  ),
].sort();

export const provenance = { sources: [real.source], derivation: "Synthetic test record" };

let counter = 0;
/** A unique synthetic name. */
export const syntheticName = (what: string): string =>
  `Synthetic ${what} ${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** Creates a record with a write key; resolves to its id and revision. */
export const createRecord = async (
  base: string,
  key: string,
  path: string,
  data: Record<string, unknown>,
): Promise<{ id: string; revision: number; dataVersion: number }> => {
  const answer = expectStatus(
    await send<{ data: Array<{ id: string }>; revision: number; dataVersion: number }>(base, path, {
      key,
      body: { data, reason: "synthetic test fixture" },
    }),
    201,
    `POST ${path}`,
  );
  const id = must(answer.body.data[0]?.id, "id in the answer");
  return { id, revision: answer.body.revision, dataVersion: answer.body.dataVersion };
};
