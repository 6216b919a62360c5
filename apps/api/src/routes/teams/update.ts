/**
 * @module teams/update
 * The update route of teams (route data; registered by `registerTeams`).
 */
import { updateRoute } from "../resource.js";
import { teams } from "./spec.js";

export const updateTeams = updateRoute(teams);
