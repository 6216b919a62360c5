/**
 * @module syntheticOnspd
 * A synthetic postcode directory in the layout of the ONS Postcode Directory (ONSPD): every
 * column of ONSPD's header, one row per postcode, over the real LSOAs of England — each
 * row's LSOA, ward, local authority, sub-ICB location and ICB are the LSOA's own, from the
 * ONS lookups — while the postcodes themselves, their months of introduction and
 * termination and their points are generated (a seeded generator: the same seed, count and
 * LSOAs give the same file, byte for byte). No generated postcode is a real one: their
 * areas are `ZA`–`ZY`, which no UK postcode area uses. ONSPD columns the generator has no
 * value for are left empty. The file is synthetic and says so in its name.
 */
import type { NationalLsoa } from "./derived.js";

/** ONSPD's columns, in its order (the Feb 2025 edition). */
export const onspdColumns = [
  "pcd",
  "pcd2",
  "pcds",
  "dointr",
  "doterm",
  "oscty",
  "ced",
  "oslaua",
  "osward",
  "parish",
  "usertype",
  "oseast1m",
  "osnrth1m",
  "osgrdind",
  "oshlthau",
  "nhser",
  "ctry",
  "rgn",
  "streg",
  "pcon",
  "eer",
  "teclec",
  "ttwa",
  "pct",
  "itl",
  "statsward",
  "oa01",
  "casward",
  "npark",
  "lsoa01",
  "msoa01",
  "ur01ind",
  "oac01",
  "oa11",
  "lsoa11",
  "msoa11",
  "wz11",
  "sicbl",
  "bua24",
  "ru11ind",
  "oac11",
  "lat",
  "long",
  "lep1",
  "lep2",
  "pfa",
  "imd",
  "calncv",
  "icb",
  "oa21",
  "lsoa21",
  "msoa21",
  "ruc21",
  "globalid",
] as const;

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export const seeded = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** The letters of an inward code's last two characters (those ONS uses). */
const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
/** Inward codes per district: a digit and two letters. */
const inwardCount = 10 * inwardLetters.length * inwardLetters.length;
/** Of each district's inward codes, how many are given out (the rest are never held). */
export const usedPerDistrict = 3000;

const inwardAt = (n: number): string =>
  `${Math.floor(n / 400)}${inwardLetters[Math.floor(n / 20) % 20]}${inwardLetters[n % 20]}`;

/** The `i`-th synthetic outward code: areas ZA–ZY, districts 1–99. */
const outwardAt = (i: number): string => {
  const area = String.fromCharCode(65 + (Math.floor(i / 99) % 25));
  return `Z${area}${(i % 99) + 1}`;
};

/** A district's inward codes, shuffled by its own seed. */
const shuffledInwards = (seed: number, district: number): Uint16Array => {
  const order = new Uint16Array(inwardCount);
  for (let i = 0; i < inwardCount; i++) order[i] = i;
  const random = seeded(seed ^ Math.imul(district + 1, 0x9e3779b1));
  for (let i = inwardCount - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order;
};

/** One generated postcode. */
export interface SyntheticPostcode {
  readonly postcode: string;
  readonly lsoa: NationalLsoa;
  /** `YYYYMM`. */
  readonly introduced: string;
  readonly terminated: string | null;
  readonly lat: number;
  readonly lon: number;
}

const month = (n: number): string =>
  `${Math.floor(n / 12)}${String((n % 12) + 1).padStart(2, "0")}`;

/** The months postcodes are introduced in: January 1980 to December 2024. */
const firstMonth = 1980 * 12;
const lastMonth = 2024 * 12 + 11;
/** Terminated postcodes end by January 2025, the month before the directory. */
const lastTermination = 2025 * 12;
/** The share of postcodes terminated (ONSPD: about a third of its rows). */
const terminatedShare = 0.3;

/**
 * The postcodes of a synthetic directory of about `count` rows over `lsoas`, in order: LSOA
 * by LSOA, each with 0.5–1.5 times the mean count, from districts taken one after another.
 */
export function* syntheticPostcodes(
  lsoas: ReadonlyArray<NationalLsoa>,
  count: number,
  seed: number,
): Generator<SyntheticPostcode> {
  const random = seeded(seed);
  const mean = count / Math.max(1, lsoas.length);
  let district = 0;
  let inwards = shuffledInwards(seed, district);
  let used = 0;
  for (const lsoa of lsoas) {
    const n = Math.round(mean * (0.5 + random()));
    // A point for the LSOA within England's extent, and its postcodes around it.
    const lat = 50.0 + random() * 5.7;
    const lon = -5.6 + random() * 7.3;
    for (let k = 0; k < n; k++) {
      if (used === usedPerDistrict) {
        district++;
        inwards = shuffledInwards(seed, district);
        used = 0;
      }
      const postcode = `${outwardAt(district)} ${inwardAt(inwards[used] as number)}`;
      used++;
      const introduced = firstMonth + Math.floor(random() * (lastMonth - firstMonth + 1));
      const terminated =
        random() < terminatedShare
          ? introduced + 1 + Math.floor(random() * (lastTermination - introduced))
          : null;
      yield {
        postcode,
        lsoa,
        introduced: month(introduced),
        terminated: terminated === null ? null : month(terminated),
        lat: Math.round((lat + (random() - 0.5) * 0.01) * 1e6) / 1e6,
        lon: Math.round((lon + (random() - 0.5) * 0.01) * 1e6) / 1e6,
      };
    }
  }
}

/** Valid postcodes of the same districts that the directory does not hold. */
export function* unheldPostcodes(seed: number, districts: number): Generator<string> {
  for (let district = 0; district < districts; district++) {
    const inwards = shuffledInwards(seed, district);
    for (let k = usedPerDistrict; k < inwardCount; k++) {
      yield `${outwardAt(district)} ${inwardAt(inwards[k] as number)}`;
    }
  }
}

const pcd = (postcode: string): string => {
  const [outward = "", inward = ""] = postcode.split(" ");
  return `${outward.padEnd(4, " ")}${inward}`;
};

const pcd2 = (postcode: string): string => {
  const [outward = "", inward = ""] = postcode.split(" ");
  return `${outward.padEnd(5, " ")}${inward}`;
};

const england = "E92000001";

/** One postcode as an ONSPD line (without the line break). */
export const onspdLine = (p: SyntheticPostcode): string => {
  const values: Partial<Record<(typeof onspdColumns)[number], string>> = {
    pcd: pcd(p.postcode),
    pcd2: pcd2(p.postcode),
    pcds: p.postcode,
    dointr: p.introduced,
    doterm: p.terminated ?? "",
    oslaua: p.lsoa.districtCode ?? "",
    osward: p.lsoa.ward?.code ?? "",
    ctry: england,
    sicbl: p.lsoa.subIcb.ons,
    lat: p.lat.toFixed(6),
    long: p.lon.toFixed(6),
    icb: p.lsoa.icb.ons,
    lsoa21: p.lsoa.code,
  };
  return onspdColumns.map((column) => values[column] ?? "").join(",");
};

/** The directory's lines, header first, in chunks of about `chunk` rows. */
export function* onspdChunks(
  postcodes: Iterable<SyntheticPostcode>,
  chunk = 20_000,
): Generator<string> {
  let lines: string[] = [onspdColumns.join(",")];
  for (const postcode of postcodes) {
    lines.push(onspdLine(postcode));
    if (lines.length >= chunk) {
      yield `${lines.join("\n")}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}
