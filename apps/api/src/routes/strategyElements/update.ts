/**
 * @module strategyElements/update
 * The update route of strategyElements (route data; registered by `registerStrategyElements`).
 */
import { updateRoute } from "../resource.js";
import { strategyElements } from "./spec.js";

export const updateStrategyElements = updateRoute(strategyElements);
