/**
 * @module cachePolicy
 * The cache headers of reads, in a module of their own (no imports), so that the hot path
 * and the routes read the same values whatever order the modules load in.
 */

/** The cache policy of open reads: a shared cache may keep them and must revalidate. */
export const openCachePolicy = "public, no-cache";
/** The cache policy of reads made with a key (or where reads need one): the caller's only. */
export const keyedCachePolicy = "private, no-cache";
/**
 * Answers differ by what is asked for (JSON, CSV or NDJSON) and by who asks (a key may see
 * more): caches keep them apart.
 */
export const readVary = "Accept, Accept-Encoding, Authorization, X-API-Key";
