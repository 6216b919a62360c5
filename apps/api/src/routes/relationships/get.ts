/**
 * @module relationships/get
 * The get-one route of relationships (route data; registered by `registerRelationships`).
 */
import { getRoute } from "../resource.js";
import { relationships } from "./spec.js";

export const getRelationships = getRoute(relationships);
