/**
 * @module resources/commissioningBodies
 * Commissioning bodies: the governance bodies that take commissioning decisions (a
 * read-only view; write them at /v1/governance/bodies).
 */
import { GovernanceBody, GovernanceBodyKind, Level } from "@care-atlas/domain";
import { defineResource, noLinks } from "../resource/ResourceSpec.js";
import { refFilter } from "../shared/refs.js";
import { allOf, whenGiven } from "./filters.js";
import { bodyExpansion } from "./governanceBodies.js";

export const commissioningBodies = defineResource({
  kind: "governanceBody",
  path: "/v1/commissioning/bodies",
  tag: "Commissioning",
  name: "CommissioningBody",
  plural: "CommissioningBodies",
  noun: "commissioning body",
  nouns: "commissioning bodies",
  schema: GovernanceBody,
  filters: {
    kind: GovernanceBodyKind.optional(),
    level: Level.optional(),
    placeId: refFilter(["place"], "Only bodies of this place."),
  },
  filter: (q) =>
    allOf<GovernanceBody>(
      (b) => b.commissions,
      whenGiven(q.kind, (b, v) => b.kind === v),
      whenGiven(q.level, (b, v) => b.level === v),
      whenGiven(q.placeId, (b, v) => b.placeId === v),
    ),
  expand: bodyExpansion,
  accepts: (body) => body.commissions,
  links: noLinks(GovernanceBody),
});
