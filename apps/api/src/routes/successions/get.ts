/**
 * @module successions/get
 * The get-one route of successions (route data; registered by `registerSuccessions`).
 */
import { getRoute } from "../resource.js";
import { successions } from "./spec.js";

export const getSuccessions = getRoute(successions);
