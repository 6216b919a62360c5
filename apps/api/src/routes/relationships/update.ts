/**
 * @module relationships/update
 * The update route of relationships (route data; registered by `registerRelationships`).
 */
import { updateRoute } from "../resource.js";
import { relationships } from "./spec.js";

export const updateRelationships = updateRoute(relationships);
