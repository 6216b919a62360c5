/**
 * @module governanceBodies/list
 * The list route of governanceBodies (route data; registered by `registerGovernanceBodies`).
 */
import { listRoute } from "../resource.js";
import { governanceBodies } from "./spec.js";

export const listGovernanceBodies = listRoute(governanceBodies);
