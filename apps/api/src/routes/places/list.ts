/**
 * @module places/list
 * The list route of places (route data; registered by `registerPlaces`).
 */
import { listRoute } from "../resource.js";
import { places } from "./spec.js";

export const listPlaces = listRoute(places);
