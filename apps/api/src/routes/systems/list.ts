/**
 * @module systems/list
 * The list route of systems (route data; registered by `registerSystems`).
 */
import { listRoute } from "../resource.js";
import { systems } from "./spec.js";

export const listSystems = listRoute(systems);
