/**
 * @module neighbourhoods/list
 * The list route of neighbourhoods (route data; registered by `registerNeighbourhoods`).
 */
import { listRoute } from "../resource.js";
import { neighbourhoods } from "./spec.js";

export const listNeighbourhoods = listRoute(neighbourhoods);
