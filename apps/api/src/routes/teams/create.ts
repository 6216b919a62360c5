/**
 * @module teams/create
 * The create route of teams (route data; registered by `registerTeams`).
 */
import { createEntityRoute } from "../resource.js";
import { teams } from "./spec.js";

export const createTeams = createEntityRoute(teams);
