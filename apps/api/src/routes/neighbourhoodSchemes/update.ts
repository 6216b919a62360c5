/**
 * @module neighbourhoodSchemes/update
 * The update route of neighbourhoodSchemes (route data; registered by `registerNeighbourhoodSchemes`).
 */
import { updateRoute } from "../resource.js";
import { neighbourhoodSchemes } from "./spec.js";

export const updateNeighbourhoodSchemes = updateRoute(neighbourhoodSchemes);
