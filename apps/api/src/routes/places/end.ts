/**
 * @module places/end
 * The end route of places (route data; registered by `registerPlaces`).
 */
import { endRoute } from "../resource.js";
import { places } from "./spec.js";

export const endPlaces = endRoute(places);
