/**
 * @module neighbourhoods/create
 * The create route of neighbourhoods (route data; registered by `registerNeighbourhoods`).
 */
import { createEntityRoute } from "../resource.js";
import { neighbourhoods } from "./spec.js";

export const createNeighbourhoods = createEntityRoute(neighbourhoods);
