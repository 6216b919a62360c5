/**
 * @module fhir/organizations
 * The register's organisations as FHIR Organizations on a date: the mapping context (the
 * date, when each record was last recorded, display names), `partOf` (a sub-ICB location's
 * ICB, a practice's PCN on the date) and the successions around each.
 */
import type { Entity, Organisation } from "@care-atlas/domain";
import type { Directory, RegisterShape } from "@care-atlas/services";
import { Effect } from "effect";
import type { z } from "zod";
import { type MappingContext, toOrganization } from "./mapping.js";
import type { FhirOrganization } from "./schemas.js";

/** Whether an entity version is an organisation's. */
export const isOrganisation = (entity: Entity): entity is Organisation =>
  entity.id.startsWith("org_");

/** The mapping context of a read: the date, when records were last recorded, their names. */
export const contextOf = (
  directory: Directory,
  lastUpdated: ReadonlyMap<string, string>,
  date: string,
): MappingContext => ({
  date,
  lastUpdated: (id) => lastUpdated.get(id),
  name: (id) => directory.name(id, date),
});

/** The organisation a practice or sub-ICB location is part of on the date. */
export const partOfOf = (
  register: RegisterShape,
  directory: Directory,
  organisation: Organisation,
  date: string,
  asOf: Date | undefined,
) =>
  Effect.gen(function* () {
    if ("parentId" in organisation && organisation.parentId !== undefined)
      return organisation.parentId;
    if (organisation.kind !== "gp-practice") return undefined;
    const links = yield* register.relationshipsOf(organisation.id, {
      validAt: date,
      as: "subject",
      kinds: ["member-of"],
      ...(asOf === undefined ? {} : { asOf }),
    });
    return links.items
      .map((r) => r.objectId)
      .find((id) => {
        const version = directory.version(id, date);
        return version !== undefined && "kind" in version && version.kind === "pcn";
      });
  });

/** Organizations of the register's organisations on the date (partOf and successions filled). */
export const organizationsOf = (
  register: RegisterShape,
  ids: ReadonlyArray<string>,
  date: string,
  asOf: Date | undefined,
  lastUpdated: ReadonlyMap<string, string>,
) =>
  Effect.gen(function* () {
    const directory = yield* register.directory(asOf === undefined ? {} : { asOf });
    const ctx = contextOf(directory, lastUpdated, date);
    const resources: Array<z.infer<typeof FhirOrganization>> = [];
    for (const id of ids) {
      const version = directory.version(id, date);
      if (version === undefined || !isOrganisation(version)) continue;
      const partOf = yield* partOfOf(register, directory, version, date, asOf);
      const successions = yield* register.successionsOf(id, {
        validAt: date,
        ...(asOf === undefined ? {} : { asOf }),
      });
      resources.push(
        toOrganization(version, ctx, {
          partOf,
          successions: [...successions.predecessors, ...successions.successors],
        }),
      );
    }
    return { resources, directory };
  });
