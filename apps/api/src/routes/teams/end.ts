/**
 * @module teams/end
 * The end route of teams (route data; registered by `registerTeams`).
 */
import { endRoute } from "../resource.js";
import { teams } from "./spec.js";

export const endTeams = endRoute(teams);
