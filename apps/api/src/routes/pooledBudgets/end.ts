/**
 * @module pooledBudgets/end
 * The end route of pooledBudgets (route data; registered by `registerPooledBudgets`).
 */
import { endRoute } from "../resource.js";
import { pooledBudgets } from "./spec.js";

export const endPooledBudgets = endRoute(pooledBudgets);
