/**
 * @module systems/end
 * The end route of systems (route data; registered by `registerSystems`).
 */
import { endRoute } from "../resource.js";
import { systems } from "./spec.js";

export const endSystems = endRoute(systems);
