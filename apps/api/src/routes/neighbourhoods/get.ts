/**
 * @module neighbourhoods/get
 * The get-one route of neighbourhoods (route data; registered by `registerNeighbourhoods`).
 */
import { getRoute } from "../resource.js";
import { neighbourhoods } from "./spec.js";

export const getNeighbourhoods = getRoute(neighbourhoods);
