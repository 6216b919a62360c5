/**
 * @module governanceBodies/update
 * The update route of governanceBodies (route data; registered by `registerGovernanceBodies`).
 */
import { updateRoute } from "../resource.js";
import { governanceBodies } from "./spec.js";

export const updateGovernanceBodies = updateRoute(governanceBodies);
