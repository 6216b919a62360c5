/**
 * @module compression
 * Compresses answers when the request's `Accept-Encoding` asks (br, else gzip): JSON of
 * every kind (`application/json`, the compact form's, `problem+json`, `geo+json`,
 * `fhir+json`) when at least 1 KB, compressed whole; CSV and NDJSON lists, and JSON answers
 * streamed as they are made (the bulk lookup's: `streamed` on the context), as they stream
 * (a chunk at a time through zlib, never held whole). The change stream (SSE) and HTML are
 * left alone, as is an answer already encoded (the read cache's compressed copy) or marked
 * `no-transform`. Every answer of a compressible type says `Vary: Accept-Encoding`; a
 * strong ETag gets the coding as a suffix (weak ones stay: the codings of one answer are
 * weakly equal).
 */
import { Readable } from "node:stream";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";
import {
  chooseEncoding,
  compress,
  compressor,
  encodedEtag,
  minCompressed,
} from "../http/encoding.js";

const wholeTypes = /^application\/(?:[\w.+-]*\+)?json\b|^application\/json\b/;
const streamTypes = /^text\/csv\b|^application\/x-ndjson\b/;

const addVary = (headers: Headers): void => {
  const vary = headers.get("vary");
  if (vary === null) headers.set("Vary", "Accept-Encoding");
  else if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) {
    headers.set("Vary", `${vary}, Accept-Encoding`);
  }
};

/** The compression middleware (see the module comment). */
export const compression: MiddlewareHandler<AppEnv> = async function compressionMiddleware(
  c,
  next,
) {
  await next();
  const res = c.res;
  // Only status and headers are read before an answer is known to be compressed: reading
  // `res.body` turns @hono/node-server's lightweight response into a web stream, which it
  // then writes chunk by chunk (half the throughput of a small JSON answer).
  if (c.req.method === "HEAD") return;
  if (res.status === 204 || res.status === 304 || res.status < 200) return;
  const type = res.headers.get("content-type") ?? "";
  const streamed = streamTypes.test(type) || (c.get("streamed") === true && wholeTypes.test(type));
  const whole = !streamed && wholeTypes.test(type);
  if (!whole && !streamed) return;
  try {
    addVary(res.headers);
  } catch {
    return; // headers of a fetched response cannot change: left as it is
  }
  if (res.headers.has("content-encoding")) return;
  if (/\bno-transform\b/i.test(res.headers.get("cache-control") ?? "")) return;
  const encoding = chooseEncoding(c.req.header("accept-encoding"));
  if (encoding === undefined) return;
  const etag = res.headers.get("etag");
  if (whole) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength < minCompressed) {
      c.res = new Response(bytes, res);
      return;
    }
    const encoded = compress(bytes, encoding);
    res.headers.delete("content-length");
    res.headers.set("Content-Encoding", encoding);
    if (etag !== null) res.headers.set("ETag", encodedEtag(etag, encoding));
    c.res = new Response(encoded, res);
    return;
  }
  if (res.body === null) return;
  res.headers.delete("content-length");
  res.headers.set("Content-Encoding", encoding);
  if (etag !== null) res.headers.set("ETag", encodedEtag(etag, encoding));
  const source = Readable.fromWeb(res.body as import("node:stream/web").ReadableStream);
  const stream = Readable.toWeb(source.pipe(compressor(encoding))) as ReadableStream<Uint8Array>;
  c.res = new Response(stream, res);
};
