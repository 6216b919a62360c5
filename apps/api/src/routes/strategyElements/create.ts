/**
 * @module strategyElements/create
 * The create route of strategyElements (route data; registered by `registerStrategyElements`).
 */
import { createEntityRoute } from "../resource.js";
import { strategyElements } from "./spec.js";

export const createStrategyElements = createEntityRoute(strategyElements);
