/**
 * @module governanceBodies/get
 * The get-one route of governanceBodies (route data; registered by `registerGovernanceBodies`).
 */
import { getRoute } from "../resource.js";
import { governanceBodies } from "./spec.js";

export const getGovernanceBodies = getRoute(governanceBodies);
