/**
 * @module systems/get
 * The get-one route of systems (route data; registered by `registerSystems`).
 */
import { getRoute } from "../resource.js";
import { systems } from "./spec.js";

export const getSystems = getRoute(systems);
