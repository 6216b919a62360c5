/**
 * @module neighbourhoods/end
 * The end route of neighbourhoods (route data; registered by `registerNeighbourhoods`).
 */
import { endRoute } from "../resource.js";
import { neighbourhoods } from "./spec.js";

export const endNeighbourhoods = endRoute(neighbourhoods);
