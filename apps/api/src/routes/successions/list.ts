/**
 * @module successions/list
 * The list route of successions (route data; registered by `registerSuccessions`).
 */
import { listRoute } from "../resource.js";
import { successions } from "./spec.js";

export const listSuccessions = listRoute(successions);
