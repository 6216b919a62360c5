/**
 * @module neighbourhoodSchemes/end
 * The end route of neighbourhoodSchemes (route data; registered by `registerNeighbourhoodSchemes`).
 */
import { endRoute } from "../resource.js";
import { neighbourhoodSchemes } from "./spec.js";

export const endNeighbourhoodSchemes = endRoute(neighbourhoodSchemes);
