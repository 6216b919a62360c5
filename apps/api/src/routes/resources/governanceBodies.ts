/**
 * @module resources/governanceBodies
 * Governance bodies: boards, executives and committees, with their members and their
 * accountability and reporting lines.
 */
import { GovernanceBody, GovernanceBodyKind, Level, Relationship } from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { defineResource, type Expansion, inputOf, noLinks } from "../resource/ResourceSpec.js";
import { BooleanQuery } from "../shared/query.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";

const bodyShape = {
  members: z.array(Relationship).describe("member-of and chair-of relationships to the body."),
  accountableTo: z.array(Relationship).describe("The body's accountable-to relationships."),
  reportsTo: z.array(Relationship).describe("The body's reports-to relationships."),
  accountableToIt: z
    .array(Relationship)
    .describe("accountable-to and reports-to relationships to the body."),
};

/** The relationships around a body, split by direction. */
export const bodyExpansion: Expansion<"governanceBody", typeof bodyShape> = {
  shape: bodyShape,
  compute: (register, body, time) =>
    Effect.map(register.relationshipsOf(body.id, time), ({ items: links }) => ({
      members: links.filter(
        (r) => r.objectId === body.id && (r.kind === "member-of" || r.kind === "chair-of"),
      ),
      accountableTo: links.filter((r) => r.subjectId === body.id && r.kind === "accountable-to"),
      reportsTo: links.filter((r) => r.subjectId === body.id && r.kind === "reports-to"),
      accountableToIt: links.filter(
        (r) => r.objectId === body.id && (r.kind === "accountable-to" || r.kind === "reports-to"),
      ),
    })),
};

export const governanceBodies = defineResource({
  kind: "governanceBody",
  path: "/v1/governance/bodies",
  tag: "Governance",
  name: "GovernanceBody",
  plural: "GovernanceBodies",
  noun: "governance body",
  nouns: "governance bodies",
  schema: GovernanceBody,
  writes: { input: inputOf(GovernanceBody, "GovernanceBodyInput") },
  filters: {
    kind: GovernanceBodyKind.optional(),
    level: Level.optional(),
    placeId: refFilter(["place"], "Only bodies of this place."),
    commissions: BooleanQuery.optional().meta({
      description: "Only bodies that take commissioning decisions.",
    }),
  },
  filter: (q) =>
    allOf<GovernanceBody>(
      whenGiven(q.kind, (b, v) => b.kind === v),
      whenGiven(q.level, (b, v) => b.level === v),
      whenGiven(q.placeId, (b, v) => b.placeId === v),
      whenGiven(q.commissions, (b, v) => b.commissions === v),
    ),
  expand: bodyExpansion,
  links: noLinks(GovernanceBody),
});
