/**
 * @module pooledBudgets/get
 * The get-one route of pooledBudgets (route data; registered by `registerPooledBudgets`).
 */
import { getRoute } from "../resource.js";
import { pooledBudgets } from "./spec.js";

export const getPooledBudgets = getRoute(pooledBudgets);
