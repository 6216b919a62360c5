/**
 * @module decisions/create
 * The create route of decisions (route data; registered by `registerDecisions`).
 */
import { createEntityRoute } from "../resource.js";
import { decisions } from "./spec.js";

export const createDecisions = createEntityRoute(decisions);
