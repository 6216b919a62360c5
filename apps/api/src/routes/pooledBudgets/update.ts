/**
 * @module pooledBudgets/update
 * The update route of pooledBudgets (route data; registered by `registerPooledBudgets`).
 */
import { updateRoute } from "../resource.js";
import { pooledBudgets } from "./spec.js";

export const updatePooledBudgets = updateRoute(pooledBudgets);
