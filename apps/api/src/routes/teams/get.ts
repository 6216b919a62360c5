/**
 * @module teams/get
 * The get-one route of teams (route data; registered by `registerTeams`).
 */
import { getRoute } from "../resource.js";
import { teams } from "./spec.js";

export const getTeams = getRoute(teams);
