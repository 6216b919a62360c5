/**
 * @module @care-atlas/api
 * The Care Atlas HTTP API as a library: build the app in-process (`createApp`), or start
 * the whole service (`startCareAtlas`) as `main.ts` does.
 */
export { type AppDeps, createApp } from "./app.js";
export { type Env, EnvError, parseEnv } from "./env.js";
export { createLogger, type Logger } from "./logger.js";
export { Problem, problemTypes } from "./problem.js";
export { type CareAtlas, type StartOptions, startCareAtlas } from "./start.js";
