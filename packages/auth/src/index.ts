/**
 * @module @care-atlas/auth
 * API keys with scopes and admin accounts with sessions, stored hashed.
 */
export * from "./ApiKey.js";
export * from "./AuthStore.js";
export * from "./Password.js";
export * from "./Scope.js";
export * from "./SqlClient.js";
export * from "./schema.js";
