/**
 * @module organisations/update
 * The update route of organisations (route data; registered by `registerOrganisations`).
 */
import { updateRoute } from "../resource.js";
import { organisations } from "./spec.js";

export const updateOrganisations = updateRoute(organisations);
