/**
 * @module relationships/end
 * The end route of relationships (route data; registered by `registerRelationships`).
 */
import { endRoute } from "../resource.js";
import { relationships } from "./spec.js";

export const endRelationships = endRoute(relationships);
