/**
 * @module commissioningBodies/get
 * The get-one route of commissioningBodies (route data; registered by `registerCommissioningBodies`).
 */
import { getRoute } from "../resource.js";
import { commissioningBodies } from "./spec.js";

export const getCommissioningBodies = getRoute(commissioningBodies);
