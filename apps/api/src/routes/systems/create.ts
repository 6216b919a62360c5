/**
 * @module systems/create
 * The create route of systems (route data; registered by `registerSystems`).
 */
import { createEntityRoute } from "../resource.js";
import { systems } from "./spec.js";

export const createSystems = createEntityRoute(systems);
