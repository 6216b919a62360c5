/**
 * @module systems/spec
 * Integrated care systems (the top level).
 */
import { System } from "@care-atlas/domain";
import { defineResource } from "../resource.js";

export const systems = defineResource({
  kind: "system",
  path: "/v1/systems",
  tag: "Places",
  name: "System",
  plural: "Systems",
  schema: System,
  filters: {},
  filter: () => undefined,
});
