/**
 * @module pooledBudgets/list
 * The list route of pooledBudgets (route data; registered by `registerPooledBudgets`).
 */
import { listRoute } from "../resource.js";
import { pooledBudgets } from "./spec.js";

export const listPooledBudgets = listRoute(pooledBudgets);
