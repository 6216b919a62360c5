/**
 * @module collaboratives/get
 * The get-one route of collaboratives (route data; registered by `registerCollaboratives`).
 */
import { getRoute } from "../resource.js";
import { collaboratives } from "./spec.js";

export const getCollaboratives = getRoute(collaboratives);
