/**
 * @module neighbourhoodSchemes/get
 * The get-one route of neighbourhoodSchemes (route data; registered by `registerNeighbourhoodSchemes`).
 */
import { getRoute } from "../resource.js";
import { neighbourhoodSchemes } from "./spec.js";

export const getNeighbourhoodSchemes = getRoute(neighbourhoodSchemes);
