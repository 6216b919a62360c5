/**
 * @module organisations/get
 * The get-one route of organisations (route data; registered by `registerOrganisations`).
 */
import { getRoute } from "../resource.js";
import { organisations } from "./spec.js";

export const getOrganisations = getRoute(organisations);
