/**
 * @module places/update
 * The update route of places (route data; registered by `registerPlaces`).
 */
import { updateRoute } from "../resource.js";
import { places } from "./spec.js";

export const updatePlaces = updateRoute(places);
