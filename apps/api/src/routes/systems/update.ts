/**
 * @module systems/update
 * The update route of systems (route data; registered by `registerSystems`).
 */
import { updateRoute } from "../resource.js";
import { systems } from "./spec.js";

export const updateSystems = updateRoute(systems);
