/**
 * @module organisations/create
 * The create route of organisations (route data; registered by `registerOrganisations`).
 */
import { createEntityRoute } from "../resource.js";
import { organisations } from "./spec.js";

export const createOrganisations = createEntityRoute(organisations);
