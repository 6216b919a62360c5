/**
 * @module places/get
 * The get-one route of places (route data; registered by `registerPlaces`).
 */
import { getRoute } from "../resource.js";
import { places } from "./spec.js";

export const getPlaces = getRoute(places);
