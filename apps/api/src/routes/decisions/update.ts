/**
 * @module decisions/update
 * The update route of decisions (route data; registered by `registerDecisions`).
 */
import { updateRoute } from "../resource.js";
import { decisions } from "./spec.js";

export const updateDecisions = updateRoute(decisions);
