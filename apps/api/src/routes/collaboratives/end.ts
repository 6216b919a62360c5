/**
 * @module collaboratives/end
 * The end route of collaboratives (route data; registered by `registerCollaboratives`).
 */
import { endRoute } from "../resource.js";
import { collaboratives } from "./spec.js";

export const endCollaboratives = endRoute(collaboratives);
