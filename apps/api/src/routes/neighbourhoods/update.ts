/**
 * @module neighbourhoods/update
 * The update route of neighbourhoods (route data; registered by `registerNeighbourhoods`).
 */
import { updateRoute } from "../resource.js";
import { neighbourhoods } from "./spec.js";

export const updateNeighbourhoods = updateRoute(neighbourhoods);
