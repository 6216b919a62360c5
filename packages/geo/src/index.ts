/**
 * @module @care-atlas/geo
 * Geometry for Care Atlas's maps and lookups: GeoJSON areas, the outlines and unions of
 * groups of areas, which area contains a point, and areas and distances on the sphere.
 */
export * from "./AreaIndex.js";
export * from "./Dissolve.js";
export * from "./GeoJson.js";
export * from "./Sphere.js";
