/**
 * @module encoding
 * Content codings of answers (RFC 9110 §8.4): which one a request's `Accept-Encoding`
 * asks for (br before gzip), and compressing bytes with it. Brotli at quality 4 and gzip
 * at level 5 for whole answers (most are compressed once and kept by the read cache);
 * quality and level 1 for streamed ones (see {@link compressor}). Bodies under
 * {@link minCompressed} bytes go as they are (the coding's overhead and the CPU are not
 * worth it).
 */
import {
  brotliCompressSync,
  constants,
  createBrotliCompress,
  createGzip,
  gzipSync,
} from "node:zlib";

/** A content coding the API answers with. */
export type Encoding = "br" | "gzip";

/** Bodies smaller than this are not compressed. */
export const minCompressed = 1024;

const brotliOptions = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 4,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};
const gzipOptions = { level: 5 };

/**
 * The coding to answer a request with: `br` when `Accept-Encoding` accepts it, else `gzip`,
 * else none (identity). A coding listed with `q=0` is refused; `*` accepts both.
 */
export const chooseEncoding = (acceptEncoding: string | undefined): Encoding | undefined => {
  if (acceptEncoding === undefined || acceptEncoding === "") return undefined;
  let br: number | undefined;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key === "q" && value !== undefined) {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? parsed : 0;
      }
    }
    const coding = name.trim();
    if (coding === "br") br = q;
    else if (coding === "gzip" || coding === "x-gzip") gzip = q;
    else if (coding === "*") any = q;
  }
  const brQ = br ?? any ?? 0;
  const gzipQ = gzip ?? any ?? 0;
  if (brQ > 0 && brQ >= gzipQ) return "br";
  if (gzipQ > 0) return "gzip";
  return undefined;
};

/** `bytes` compressed with `encoding`. */
export const compress = (bytes: Uint8Array, encoding: Encoding): Uint8Array<ArrayBuffer> => {
  const out =
    encoding === "br" ? brotliCompressSync(bytes, brotliOptions) : gzipSync(bytes, gzipOptions);
  return new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength);
};

/**
 * Streamed answers (a bulk lookup, CSV, NDJSON: megabytes, compressed afresh for each
 * request) go at brotli quality 1 and gzip level 1: five times faster than quality 4 (a
 * 5.9 MB bulk answer in ~20 ms instead of ~100 ms) for about a third more bytes, in output
 * chunks of 64 KB (zlib's default 16 KB takes four hand-offs to libuv's threads for each).
 */
const streamBrotliOptions = {
  chunkSize: 64 * 1024,
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 1,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};
const streamGzipOptions = { level: 1, chunkSize: 64 * 1024 };

/** A streaming compressor for `encoding` (for streamed answers such as CSV). */
export const compressor = (encoding: Encoding) =>
  encoding === "br" ? createBrotliCompress(streamBrotliOptions) : createGzip(streamGzipOptions);

/**
 * The ETag of an answer sent with a coding: a weak ETag stays as it is (weak comparison
 * treats the codings of one answer as equivalent); a strong one gets the coding as a suffix,
 * since its bytes differ.
 */
export const encodedEtag = (etag: string, encoding: Encoding): string =>
  etag.startsWith("W/") || !etag.endsWith('"') ? etag : `${etag.slice(0, -1)}-${encoding}"`;
