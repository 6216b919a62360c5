/**
 * @module strategyOutcomes/get
 * The get-one route of strategyOutcomes (route data; registered by `registerStrategyOutcomes`).
 */
import { getRoute } from "../resource.js";
import { strategyOutcomes } from "./spec.js";

export const getStrategyOutcomes = getRoute(strategyOutcomes);
