/**
 * @module fastPostcode
 * The hot path of `GET /v1/lookup/postcode/{postcode}` (no query: today, the default
 * representation) for a postcode whose answer the read cache does not hold — the common
 * case for a referral router, which asks each postcode once among England's millions. It
 * answers with the bytes, ETag and headers the full chain would give (a test compares
 * them for a postcode of every GM LSOA and thousands more), without routing, validation,
 * an Effect, or JSON of the whole answer per request.
 *
 * An answer is the JSON of its members in order: those of the LSOA's part (its LSOA,
 * place, sub-ICB location, ICB, commissioner…), the same objects for every postcode of the
 * LSOA, whose JSON is made once and kept (bounded by bytes, dropped when the register moves
 * on) and put in order once per LSOA (its template), and the postcode's own `ward`,
 * `postcode` and `status`, made per answer. The ETag is
 * the digest of the full form's text (`readHeaders`' `bodyEtag`), the body the default
 * representation's (derivations left out).
 *
 * Postcodes come from the services' postcode reader (the `postcode` verb as a plain
 * function of the current model), taken again after every write; until the new one is
 * there (a few milliseconds) the full chain answers. Steps aside (returns `undefined`)
 * for anything but a valid postcode on a current reader: the full chain then answers
 * (a 400 for a text that is not a postcode, say).
 */
import type {
  PostcodeArea,
  PostcodeOwn,
  PostcodeRead,
  PostcodeReader,
  PostcodeReading,
} from "@care-atlas/services";
import { answerEtag } from "./http/Etag.js";
import { compress, type Encoding } from "./http/encoding.js";
import { type FastAnswer, splitProblem } from "./http/fastAnswer.js";
import { problemBody, problemOfServiceError } from "./problem.js";
import { withoutDerivations } from "./representation/representation.js";
import { normalisePostcodeText } from "./routes/lookups/postcode.js";

/** The path of the lookup, up to the postcode. */
const prefix = "/v1/lookup/postcode/";

/** The slots of the members of an answer that are the postcode's own, by name. */
const slots: ReadonlyMap<string, Slot> = new Map(
  (["ward", "postcode", "status"] as const).map((own) => [own, { own }]),
);

/** The JSON of a postcode's status (both forms: it has no derivations). */
const statusJson: Readonly<Record<PostcodeOwn["status"], MemberJson>> = {
  live: { full: '"live"', lean: '"live"' },
  terminated: { full: '"terminated"', lean: '"terminated"' },
};

const nullJson: MemberJson = { full: "null", lean: "null" };

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

/** The JSON of a member's name and colon (`first`), or comma, name and colon, made once. */
const names = new Map<string, readonly [first: string, next: string]>();
const nameOf = (key: string, first: boolean): string => {
  let name = names.get(key);
  if (name === undefined) {
    const text = `${JSON.stringify(key)}:`;
    name = [text, `,${text}`];
    names.set(key, name);
  }
  return first ? name[0] : name[1];
};

/** A slot for a member of the postcode's own. */
interface Slot {
  readonly own: keyof PostcodeOwn;
}

/** A part of an area's answers: JSON text, or a slot for a member of the postcode's own. */
type Part = string | Slot;

/**
 * The answers of one area (an LSOA on a date) as parts, in the answer's order: each
 * member's name, then the JSON of the area's member (shared with other areas when the
 * object is) or a slot for the postcode's own; in the full form (`parts`) and the default
 * representation (`lean`), slot for slot: the same array when no member has derivations to
 * leave out (`same`), as for every area of the national register.
 */
interface Template {
  readonly parts: ReadonlyArray<Part>;
  readonly lean: ReadonlyArray<Part>;
  readonly same: boolean;
}

/**
 * The areas whose templates are kept: more than England's LSOAs (33,755), so a register's
 * areas are all kept for a date. A template is its member names and texts (shared with the
 * members' JSON) and the few bytes of the LSOA's own record: ~0.5 KB each.
 */
const maxTemplates = 40_000;

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
  /** The templates of the areas answered, by the area (the reader's: one per LSOA and date). */
  private readonly templates = new Map<object, Template>();
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
    return this.readAnswer(reading, version);
  }

  /**
   * The answer of a read: `{"data":…,"dataVersion":N}` in the default representation, its
   * ETag the digest of `{"data":…}` in the full form (as the route's `readHeaders` makes it),
   * from the area's template and the JSON of the postcode's own members (the rest is made
   * once per area: one map lookup per answer, not one per member). When the two forms are
   * the same text, it is made once.
   */
  private readAnswer(
    reading: Extract<PostcodeReading, { error: null }>,
    version: number,
  ): FastAnswer | undefined {
    const template = this.templateOf(reading);
    if (template === undefined) return undefined;
    const { parts, lean: leanParts } = template;
    const own = reading.own;
    let same = template.same;
    let full = '{"data":{';
    let lean = full;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as Part;
      if (typeof part === "string") {
        full += part;
        if (!same) lean += leanParts[i] as string;
        continue;
      }
      const json = this.ownJson(own, part.own);
      if (json === undefined) return undefined;
      if (same && json.lean !== json.full) {
        // A derivation to leave out after all: the default form is made from here on.
        same = false;
        lean = full;
      }
      full += json.full;
      if (!same) lean += json.lean;
    }
    const body = Buffer.from(`${same ? full : lean}},"dataVersion":${version}}`);
    return {
      kind: "read",
      etag: answerEtag(`${full}}}`),
      type: "application/json",
      body,
      encoded: (encoding: Encoding) => compress(body, encoding),
    };
  }

  /** The JSON of one of the postcode's own members (its ward's made once per ward and date). */
  private ownJson(own: PostcodeOwn, key: keyof PostcodeOwn): MemberJson | undefined {
    if (key === "status") return statusJson[own.status];
    if (key === "ward") return own.ward === null ? nullJson : this.memberJson(own.ward);
    return jsonOf(own.postcode);
  }

  /**
   * The template of an area's answers (made at its first answer, from the answer itself),
   * or `undefined` to step aside: an answer holding a member whose derivations the default
   * representation leaves out, or one whose shared members are not the area's.
   */
  private templateOf(reading: Extract<PostcodeReading, { error: null }>): Template | undefined {
    const area = reading.area;
    const held = this.templates.get(area);
    if (held !== undefined) return held;
    const read = reading.read;
    const parts: Part[] = [];
    const leanParts: Part[] = [];
    let first = true;
    for (const key of Object.keys(read)) {
      if (key === "dataVersion") continue;
      if (holders.has(key)) return undefined;
      const name = nameOf(key, first);
      first = false;
      parts.push(name);
      leanParts.push(name);
      const slot = slots.get(key);
      if (slot !== undefined) {
        parts.push(slot);
        leanParts.push(slot);
        continue;
      }
      const value: unknown = read[key as keyof PostcodeRead];
      if (value !== area[key as keyof PostcodeArea]) return undefined;
      const json =
        typeof value === "object" && value !== null ? this.memberJson(value) : jsonOf(value);
      if (json === undefined) {
        // JSON leaves the member out: so must the template (its name too).
        parts.pop();
        leanParts.pop();
        first = parts.length === 0;
        continue;
      }
      parts.push(json.full);
      leanParts.push(json.lean);
    }
    const same = parts.every((part, i) => part === leanParts[i]);
    const template: Template = { parts, lean: same ? parts : leanParts, same };
    if (this.templates.size >= maxTemplates) this.templates.clear();
    this.templates.set(area, template);
    return template;
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
          this.templates.clear();
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
