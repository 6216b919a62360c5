/**
 * @module teams/list
 * The list route of teams (route data; registered by `registerTeams`).
 */
import { listRoute } from "../resource.js";
import { teams } from "./spec.js";

export const listTeams = listRoute(teams);
