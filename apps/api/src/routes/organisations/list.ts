/**
 * @module organisations/list
 * The list route of organisations (route data; registered by `registerOrganisations`).
 */
import { listRoute } from "../resource.js";
import { organisations } from "./spec.js";

export const listOrganisations = listRoute(organisations);
