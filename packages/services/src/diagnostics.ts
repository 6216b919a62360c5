/**
 * @module @care-atlas/services/diagnostics
 * The services' insides, for their own tests and benchmarks: the in-memory read model a
 * Register answers from, and the plain loop behind `lookupPostcodes`. Not an API: the apps
 * call verbs (`@care-atlas/services`), and a lint rule keeps this module out of `apps/`.
 */
export { emptyReference, ReadModel, type RecordedHistory, type Reference } from "./ReadModel.js";
export { currentModelOf } from "./Register.js";
export { lookupPostcodesIn } from "./verbs/postcode.js";
