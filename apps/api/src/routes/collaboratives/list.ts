/**
 * @module collaboratives/list
 * The list route of collaboratives (route data; registered by `registerCollaboratives`).
 */
import { listRoute } from "../resource.js";
import { collaboratives } from "./spec.js";

export const listCollaboratives = listRoute(collaboratives);
