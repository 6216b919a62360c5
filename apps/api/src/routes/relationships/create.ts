/**
 * @module relationships/create
 * The create route of relationships (route data; registered by `registerRelationships`).
 */
import { createEntityRoute } from "../resource.js";
import { relationships } from "./spec.js";

export const createRelationships = createEntityRoute(relationships);
