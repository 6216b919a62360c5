/**
 * @module relationships/list
 * The list route of relationships (route data; registered by `registerRelationships`).
 */
import { listRoute } from "../resource.js";
import { relationships } from "./spec.js";

export const listRelationships = listRoute(relationships);
