/**
 * @module strategyElements/get
 * The get-one route of strategyElements (route data; registered by `registerStrategyElements`).
 */
import { getRoute } from "../resource.js";
import { strategyElements } from "./spec.js";

export const getStrategyElements = getRoute(strategyElements);
