/**
 * @module decisions/get
 * The get-one route of decisions (route data; registered by `registerDecisions`).
 */
import { getRoute } from "../resource.js";
import { decisions } from "./spec.js";

export const getDecisions = getRoute(decisions);
