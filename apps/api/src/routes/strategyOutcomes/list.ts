/**
 * @module strategyOutcomes/list
 * The list route of strategyOutcomes (route data; registered by `registerStrategyOutcomes`).
 */
import { listRoute } from "../resource.js";
import { strategyOutcomes } from "./spec.js";

export const listStrategyOutcomes = listRoute(strategyOutcomes);
