/**
 * @module pooledBudgets/create
 * The create route of pooledBudgets (route data; registered by `registerPooledBudgets`).
 */
import { createEntityRoute } from "../resource.js";
import { pooledBudgets } from "./spec.js";

export const createPooledBudgets = createEntityRoute(pooledBudgets);
