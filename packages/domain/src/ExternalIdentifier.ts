/**
 * @module ExternalIdentifier
 * Codes that other registers give to the things Care Atlas describes — ODS codes (NHS
 * England's Organisation Data Service) and ONS GSS codes — each with the period it applied,
 * and the format each kind of code must have.
 */
import { z } from "zod";
import { fieldMeta } from "./FieldMeta.js";
import { Period } from "./Period.js";

/** The code systems Care Atlas understands. */
export const CodeSystem = z
  .enum(["ods", "gss"])
  .meta({
    id: "CodeSystem",
    description:
      "ods = NHS England Organisation Data Service; gss = ONS Government Statistical Service.",
  })
  .register(fieldMeta, { label: "Code system", hint: false });
export type CodeSystem = z.infer<typeof CodeSystem>;

const general: Record<CodeSystem, RegExp> = {
  ods: /^[A-Z0-9]{3,8}$/,
  gss: /^[EWSNK]\d{8}$/,
};

/**
 * A code given by another register, with the period it applied to this entity (absent:
 * the whole life of the entity).
 *
 * @example
 * ```ts
 * import { ExternalIdentifier } from "@care-atlas/domain";
 * ExternalIdentifier.parse({ system: "ods", value: "QOP" });
 * ExternalIdentifier.parse({ system: "gss", value: "E54000057", period: { from: "2022-07-01", to: null } });
 * ```
 */
export const ExternalIdentifier = z
  .object({
    system: CodeSystem,
    value: z
      .string()
      .trim()
      .min(1)
      .register(fieldMeta, { label: "Value" })
      .describe("The code itself, e.g. P91603 (ODS) or E08000009 (GSS)."),
    period: Period.optional().register(fieldMeta, { label: "Period" }),
  })
  .superRefine((identifier, ctx) => {
    if (!general[identifier.system].test(identifier.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `"${identifier.value}" is not a well-formed ${identifier.system.toUpperCase()} code`,
      });
    }
  })
  .meta({ id: "ExternalIdentifier", description: "An ODS or ONS GSS code, with its period." });
export type ExternalIdentifier = z.infer<typeof ExternalIdentifier>;

/**
 * The kinds of thing a code can name, each with one format per system.
 * GSS entity codes: E54 ICB, E38 sub-ICB location / CCG, E08 metropolitan district,
 * E06/E07/E09 other local authorities, E47 combined authority, E01 LSOA, E02 MSOA, E05 ward,
 * E40 NHS England region. ODS: trusts `R` + 2, GP practices a letter + 5 digits, PCNs `U` + 5
 * digits, CCGs and sub-ICB locations 2 digits + a letter or, for those formed by a merger of
 * CCGs since 2020, 5 characters alternating letter and digit (`X2C4Y`), ICBs `Q` + 2.
 */
export const codeFormats = {
  gss: {
    icb: /^E54\d{6}$/,
    "sub-icb-location": /^E38\d{6}$/,
    ccg: /^E38\d{6}$/,
    "local-authority": /^E0[6789]\d{6}$/,
    "combined-authority": /^E47\d{6}$/,
    lsoa: /^E01\d{6}$/,
    msoa: /^E02\d{6}$/,
    ward: /^E05\d{6}$/,
    region: /^E40\d{6}$/,
  },
  ods: {
    icb: /^Q[A-Z0-9]{2}$/,
    "sub-icb-location": /^(\d{2}[A-Z]|[A-Z]\d[A-Z]\d[A-Z])$/,
    ccg: /^(\d{2}[A-Z]|[A-Z]\d[A-Z]\d[A-Z])$/,
    "nhs-trust": /^R[A-Z0-9]{2}$/,
    "gp-practice": /^[A-Z]\d{5}$/,
    pcn: /^U\d{5}$/,
    region: /^Y\d{2}$/,
  },
} as const satisfies Record<CodeSystem, Record<string, RegExp>>;

/** A kind of thing that has a code format in at least one system. */
export type CodeKind = keyof (typeof codeFormats)["gss"] | keyof (typeof codeFormats)["ods"];

/**
 * Why `value` is not a valid `system` code for a `kind`, or `null` when it is (or when that
 * system has no format for that kind).
 *
 * @example
 * ```ts
 * import { checkCode } from "@care-atlas/domain";
 * checkCode("ods", "gp-practice", "P82001"); // null
 * checkCode("gss", "lsoa", "E02000001"); // "E02000001 is not a GSS lsoa code"
 * ```
 */
export const checkCode = (system: CodeSystem, kind: CodeKind, value: string): string | null => {
  const formats: Partial<Record<CodeKind, RegExp>> = codeFormats[system];
  const format = formats[kind];
  if (format === undefined || format.test(value)) return null;
  return `${value} is not a ${system.toUpperCase()} ${kind} code`;
};

/**
 * The code of `system` on an entity that applied on `date` (or the first one when no date
 * is given).
 *
 * @example
 * ```ts
 * import { codeOf } from "@care-atlas/domain";
 * codeOf([{ system: "ods", value: "QOP" }], "ods"); // "QOP"
 * ```
 */
export const codeOf = (
  codes: ReadonlyArray<ExternalIdentifier>,
  system: CodeSystem,
  date?: string,
): string | undefined =>
  codes.find(
    (code) =>
      code.system === system &&
      (date === undefined ||
        code.period === undefined ||
        (code.period.from <= date && (code.period.to === null || date < code.period.to))),
  )?.value;
