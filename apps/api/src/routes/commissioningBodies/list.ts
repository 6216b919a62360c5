/**
 * @module commissioningBodies/list
 * The list route of commissioningBodies (route data; registered by `registerCommissioningBodies`).
 */
import { listRoute } from "../resource.js";
import { commissioningBodies } from "./spec.js";

export const listCommissioningBodies = listRoute(commissioningBodies);
