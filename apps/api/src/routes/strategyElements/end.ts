/**
 * @module strategyElements/end
 * The end route of strategyElements (route data; registered by `registerStrategyElements`).
 */
import { endRoute } from "../resource.js";
import { strategyElements } from "./spec.js";

export const endStrategyElements = endRoute(strategyElements);
