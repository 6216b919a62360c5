/**
 * @module neighbourhoodSchemes/list
 * The list route of neighbourhoodSchemes (route data; registered by `registerNeighbourhoodSchemes`).
 */
import { listRoute } from "../resource.js";
import { neighbourhoodSchemes } from "./spec.js";

export const listNeighbourhoodSchemes = listRoute(neighbourhoodSchemes);
