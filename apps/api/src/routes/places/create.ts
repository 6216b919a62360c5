/**
 * @module places/create
 * The create route of places (route data; registered by `registerPlaces`).
 */
import { createEntityRoute } from "../resource.js";
import { places } from "./spec.js";

export const createPlaces = createEntityRoute(places);
