/**
 * @module strategyElements/list
 * The list route of strategyElements (route data; registered by `registerStrategyElements`).
 */
import { listRoute } from "../resource.js";
import { strategyElements } from "./spec.js";

export const listStrategyElements = listRoute(strategyElements);
