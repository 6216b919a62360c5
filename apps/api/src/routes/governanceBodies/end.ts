/**
 * @module governanceBodies/end
 * The end route of governanceBodies (route data; registered by `registerGovernanceBodies`).
 */
import { endRoute } from "../resource.js";
import { governanceBodies } from "./spec.js";

export const endGovernanceBodies = endRoute(governanceBodies);
