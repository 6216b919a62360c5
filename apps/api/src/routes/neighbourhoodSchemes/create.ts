/**
 * @module neighbourhoodSchemes/create
 * The create route of neighbourhoodSchemes (route data; registered by `registerNeighbourhoodSchemes`).
 */
import { createEntityRoute } from "../resource.js";
import { neighbourhoodSchemes } from "./spec.js";

export const createNeighbourhoodSchemes = createEntityRoute(neighbourhoodSchemes);
