/**
 * @module fastPostcode
 * The hot path of `GET /v1/lookup/postcode/{postcode}` (no query: today, the default
 * representation) for a postcode whose answer the read cache does not hold — the common
 * case for a referral router, which asks each postcode once among England's millions. It
 * answers with the bytes, ETag and headers the full chain would give (a test compares
 * them over every postcode of the GM dataset), without routing, validation, an Effect,
 * or JSON of the whole answer per request.
 *
 * An answer is the JSON of its members in order: those of the LSOA's part (its LSOA,
 * place, sub-ICB location, ICB, commissioner…), the same objects for every postcode of the
 * LSOA, whose JSON is made once and kept (bounded by bytes, dropped when the register moves
 * on), and the postcode's own `ward`, `postcode` and `status`, made per answer. The ETag is
 * the digest of the full form's text (`readHeaders`' `bodyEtag`), the body the default
 * representation's (derivations left out).
 *
 * Postcodes come from the services' postcode reader (the `postcode` verb as a plain
 * function of the current model), taken again after every write; until the new one is
 * there (a few milliseconds) the full chain answers. Steps aside (returns `undefined`)
 * for anything but a valid postcode on a current reader: the full chain then answers
 * (a 400 for a text that is not a postcode, say).
 */
import type { PostcodeRead, PostcodeReader } from "@care-atlas/services";
import { answerDigest, etagOfDigest } from "./http/Etag.js";
import { compress, type Encoding } from "./http/encoding.js";
import { type FastAnswer, splitProblem } from "./http/fastAnswer.js";
import { problemBody, problemOfServiceError } from "./problem.js";
import { withoutDerivations } from "./representation/representation.js";
import { normalisePostcodeText } from "./routes/lookups/postcode.js";

/** The path of the lookup, up to the postcode. */
const prefix = "/v1/lookup/postcode/";

/** The members of an answer that are the postcode's own (new objects every lookup). */
const own = new Set(["ward", "postcode", "status"]);

/** The members whose `derivation` the default representation leaves out. */
const holders = new Set(["provenance", "population"]);

/** A member's JSON in the full form (what the ETag is a digest of) and the default one. */
interface MemberJson {
  readonly full: string;
  readonly lean: string;
}

/** What a member's JSON costs to keep: its texts (one when both forms are the same) and the entry. */
const bytesOf = (json: MemberJson): number =>
  json.full.length + (json.lean === json.full ? 0 : json.lean.length) + 64;

/** A member's JSON in both forms (`undefined` for a value JSON leaves out). */
const jsonOf = (value: unknown): MemberJson | undefined => {
  const full = JSON.stringify(value);
  if (full === undefined) return undefined;
  // Only provenance and population carry derivations: most values have none to leave out.
  return {
    full,
    lean: full.includes('"derivation"') ? JSON.stringify(withoutDerivations(value)) : full,
  };
};

/** The JSON of a member's name and colon, worked out once per name. */
const names = new Map<string, string>();
const nameOf = (key: string): string => {
  let name = names.get(key);
  if (name === undefined) {
    name = `${JSON.stringify(key)}:`;
    names.set(key, name);
  }
  return name;
};

/** What the hot path needs of the services. */
export interface FastPostcodesOptions {
  /** A reader of the register's current model (the services' `postcodeReader` verb). */
  readonly load: () => Promise<PostcodeReader>;
  /** The bytes of members' JSON kept (default 16 MB). */
  readonly maxBytes?: number;
}

const placeholderId = "\u0000request-id\u0000";

/** The hot path of postcode lookups (see the module comment). */
export class FastPostcodes {
  private reader: PostcodeReader | undefined;
  private loading = false;
  /** The JSON of the members LSOAs share, by the object (the reader's answers share them). */
  private readonly members = new Map<object, MemberJson>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(private readonly options: FastPostcodesOptions) {
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  }

  /**
   * The answer to `GET target` (the request target as sent; `path`, its path decoded as
   * Hono decodes it) at data version `version` on `day`, or `undefined` to let the full
   * chain answer.
   */
  answer(target: string, path: string, version: number, day: string): FastAnswer | undefined {
    if (!target.startsWith(prefix) || target.includes("?")) return undefined;
    const segment = target.slice(prefix.length);
    if (segment.includes("/")) return undefined;
    const reader = this.readerAt(version);
    if (reader === undefined) return undefined;
    let text = segment;
    if (segment.includes("%")) {
      try {
        text = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    }
    // As the route validates it: at most 16 characters, a UK postcode.
    if (text.length > 16) return undefined;
    const postcode = normalisePostcodeText(text);
    if (postcode === null) return undefined;
    const reading = reader.read(postcode, day);
    if (reading.error !== null) {
      if (reading.error._tag === "ValidationFailed") return undefined;
      const { code, extras } = problemOfServiceError(reading.error);
      if (extras.headers !== undefined) return undefined;
      const body = problemBody(code, placeholderId, path, extras);
      const problem = splitProblem("application/problem+json", JSON.stringify(body), placeholderId);
      return problem === undefined ? undefined : { kind: "problem", status: body.status, problem };
    }
    return this.readAnswer(reading.read, version);
  }

  /**
   * The answer of a read: `{"data":…,"dataVersion":N}` in the default representation, its
   * ETag the digest of `{"data":…}` in the full form (as the route's `readHeaders` makes it),
   * member by member in the read's order, each shared member's JSON made once.
   */
  private readAnswer(read: PostcodeRead, version: number): FastAnswer | undefined {
    let full = '{"data":{';
    let lean = full;
    let first = true;
    for (const key of Object.keys(read)) {
      if (key === "dataVersion") continue;
      if (holders.has(key)) return undefined;
      const value: unknown = read[key as keyof PostcodeRead];
      const json =
        typeof value === "object" && value !== null && !own.has(key)
          ? this.memberJson(value)
          : jsonOf(value);
      if (json === undefined) continue;
      const name = first ? nameOf(key) : `,${nameOf(key)}`;
      full += name + json.full;
      lean += name + json.lean;
      first = false;
    }
    const body = Buffer.from(`${lean}},"dataVersion":${version}}`);
    return {
      kind: "read",
      etag: etagOfDigest(answerDigest().update(`${full}}}`)),
      type: "application/json",
      body,
      encoded: (encoding: Encoding) => compress(body, encoding),
    };
  }

  /** The JSON of a member the LSOA's answers share, made once (bounded by bytes). */
  private memberJson(value: object): MemberJson | undefined {
    const held = this.members.get(value);
    if (held !== undefined) return held;
    const made = jsonOf(value);
    if (made === undefined) return undefined;
    this.members.set(value, made);
    this.bytes += bytesOf(made);
    // The oldest out first: lookups across England ask LSOAs in no order a cache could use.
    if (this.bytes > this.maxBytes) {
      for (const [key, json] of this.members) {
        this.members.delete(key);
        this.bytes -= bytesOf(json);
        if (this.bytes <= this.maxBytes * 0.9) break;
      }
    }
    return made;
  }

  /** The reader of `version`, or `undefined` (taking one) when it has not got it yet. */
  private readerAt(version: number): PostcodeReader | undefined {
    const reader = this.reader;
    if (reader !== undefined && reader.dataVersion === version) return reader;
    if (!this.loading) {
      this.loading = true;
      this.options.load().then(
        (next) => {
          this.loading = false;
          if (next.dataVersion === this.reader?.dataVersion) return;
          this.reader = next;
          this.members.clear();
          this.bytes = 0;
        },
        () => {
          this.loading = false;
        },
      );
    }
    return undefined;
  }
}
