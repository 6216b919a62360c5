/**
 * @module collaboratives/update
 * The update route of collaboratives (route data; registered by `registerCollaboratives`).
 */
import { updateRoute } from "../resource.js";
import { collaboratives } from "./spec.js";

export const updateCollaboratives = updateRoute(collaboratives);
