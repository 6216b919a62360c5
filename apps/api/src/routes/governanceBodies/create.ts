/**
 * @module governanceBodies/create
 * The create route of governanceBodies (route data; registered by `registerGovernanceBodies`).
 */
import { createEntityRoute } from "../resource.js";
import { governanceBodies } from "./spec.js";

export const createGovernanceBodies = createEntityRoute(governanceBodies);
