/**
 * @module fhir/params
 * The query parameters of the FHIR facade: the point-in-time `valid-at` (the facade's
 * `validAt`), paging (`_count`, `_cursor`), each resource's search parameters (strict: an
 * unknown one is a 400 OperationOutcome), and how token and date parameters are read.
 */
import { z } from "zod";
import { systems } from "./mapping.js";

const ValidAt = z.iso
  .date({ error: "must be a date, YYYY-MM-DD" })
  .optional()
  .meta({ description: "The date the facts were true (default today).", example: "2016-06-01" });

const Count = z
  .preprocess(
    (v) => (typeof v === "string" && /^\d{1,4}$/.test(v) ? Number(v) : v),
    z.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(1000),
  )
  .optional()
  .meta({ description: "Resources per page, 1–1000 (default 50)." });

const Cursor = z
  .string()
  .regex(/^[a-z]{3}_[A-Za-z0-9]{1,40}$/, { error: "must be the _cursor of a next link" })
  .optional()
  .meta({ description: "Where the page starts (from the Bundle's next link)." });

const Token = z.string().min(1).max(200);
const DateParam = z
  .string()
  .regex(/^(eq|ne|gt|lt|ge|le|sa|eb)?\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/, {
    error: "must be a date or date-time with an optional prefix (ge, gt, le, lt, eq…)",
  });

export const organizationQuery = z.strictObject({
  identifier: Token.optional().meta({
    description: "`[system|]code`, e.g. `https://fhir.nhs.uk/Id/ods-organization-code|R0A`.",
  }),
  name: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "The name starts with this (case-insensitive)." }),
  "name:contains": z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "The name contains this." }),
  active: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  type: Token.optional().meta({
    description: `\`[${systems.organisationKind}|]kind\`, e.g. \`gp-practice\`.`,
  }),
  partOf: z
    .string()
    .regex(/^(Organization\/)?org_[A-Za-z0-9]{1,40}$/, { error: "must be Organization/<id>" })
    .optional(),
  _lastUpdated: DateParam.optional(),
  _count: Count,
  _cursor: Cursor,
  "valid-at": ValidAt,
});

const paging = { _count: Count, _cursor: Cursor, "valid-at": ValidAt };

export const affiliationQuery = z.strictObject({
  ...paging,
  organization: z
    .string()
    .regex(/^(Organization\/)?[a-z]{3}_[A-Za-z0-9]{1,40}$/, { error: "must be Organization/<id>" })
    .optional(),
  "participating-organization": z
    .string()
    .regex(/^(Organization\/)?org_[A-Za-z0-9]{1,40}$/, { error: "must be Organization/<id>" })
    .optional(),
});
export const careTeamQuery = z.strictObject(paging);
export const locationQuery = z.strictObject({
  ...paging,
  type: z.enum(["place", "neighbourhood"], { error: "must be place or neighbourhood" }).optional(),
});
export const readQuery = z.strictObject({ "valid-at": ValidAt });
export const historyQuery = z.strictObject({});

/** `[system|]value` of a token parameter. */
export const token = (text: string): { system: string | undefined; value: string } => {
  const bar = text.indexOf("|");
  return bar === -1
    ? { system: undefined, value: text }
    : { system: text.slice(0, bar) || undefined, value: text.slice(bar + 1) };
};

/** Whether a date-time `value` satisfies a FHIR date parameter (`ge2024-01-01`). */
export const dateMatches = (parameter: string, value: string | undefined): boolean => {
  if (value === undefined) return false;
  const prefix = /^[a-z]{2}/.test(parameter) ? parameter.slice(0, 2) : "eq";
  const bound = prefix === "eq" && !/^[a-z]{2}/.test(parameter) ? parameter : parameter.slice(2);
  const day = bound.length === 10;
  const compared = day ? value.slice(0, 10) : value;
  const target = day ? bound : new Date(bound).toISOString();
  switch (prefix) {
    case "gt":
    case "sa":
      return compared > target;
    case "ge":
      return compared >= target;
    case "lt":
    case "eb":
      return compared < target;
    case "le":
      return compared <= target;
    case "ne":
      return compared !== target;
    default:
      return compared === target;
  }
};
