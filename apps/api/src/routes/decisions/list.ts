/**
 * @module decisions/list
 * The list route of decisions (route data; registered by `registerDecisions`).
 */
import { listRoute } from "../resource.js";
import { decisions } from "./spec.js";

export const listDecisions = listRoute(decisions);
