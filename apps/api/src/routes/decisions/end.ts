/**
 * @module decisions/end
 * The end route of decisions (route data; registered by `registerDecisions`).
 */
import { endRoute } from "../resource.js";
import { decisions } from "./spec.js";

export const endDecisions = endRoute(decisions);
