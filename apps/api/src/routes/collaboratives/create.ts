/**
 * @module collaboratives/create
 * The create route of collaboratives (route data; registered by `registerCollaboratives`).
 */
import { createEntityRoute } from "../resource.js";
import { collaboratives } from "./spec.js";

export const createCollaboratives = createEntityRoute(collaboratives);
