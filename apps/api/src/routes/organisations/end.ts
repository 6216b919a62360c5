/**
 * @module organisations/end
 * The end route of organisations (route data; registered by `registerOrganisations`).
 */
import { endRoute } from "../resource.js";
import { organisations } from "./spec.js";

export const endOrganisations = endRoute(organisations);
