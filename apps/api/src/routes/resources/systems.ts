/**
 * @module resources/systems
 * Integrated care systems (the top level).
 */
import { System } from "@care-atlas/domain";
import { defineResource, inputOf, noExpansion, noLinks } from "../resource/ResourceSpec.js";

export const systems = defineResource({
  kind: "system",
  path: "/v1/systems",
  tag: "Places",
  name: "System",
  plural: "Systems",
  noun: "system",
  nouns: "systems",
  schema: System,
  writes: { input: inputOf(System, "SystemInput") },
  filters: {},
  filter: () => undefined,
  expand: noExpansion(),
  links: noLinks(System),
});
