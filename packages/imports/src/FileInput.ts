/**
 * @module FileInput
 * What a reader reads: a file's bytes, whole or as a stream of chunks, as a CLI, an HTTP
 * upload or a build hands it over; and the file's name. Nothing here touches the file
 * system.
 */

/** A file's content: all of it, or a stream of chunks (e.g. `fs.createReadStream(path)`). */
export type FileBytes =
  | Uint8Array
  | ArrayBuffer
  | string
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

const isAsync = (bytes: FileBytes): bytes is AsyncIterable<Uint8Array | string> =>
  typeof bytes === "object" && bytes !== null && Symbol.asyncIterator in bytes;

/**
 * The content as a stream of chunks, whatever form it was given in.
 *
 * @example
 * ```ts
 * for await (const chunk of chunksOf("a,b\n")) console.log(chunk);
 * ```
 */
export async function* chunksOf(bytes: FileBytes): AsyncGenerator<Uint8Array | string> {
  if (typeof bytes === "string" || bytes instanceof Uint8Array) {
    yield bytes;
    return;
  }
  if (bytes instanceof ArrayBuffer) {
    yield new Uint8Array(bytes);
    return;
  }
  if (isAsync(bytes)) {
    for await (const chunk of bytes) yield chunk;
    return;
  }
  for (const chunk of bytes) yield chunk;
}

/** The content as text chunks (UTF-8), decoded across chunk boundaries. */
export async function* textChunksOf(bytes: FileBytes): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunksOf(bytes)) {
    yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

/** The whole content as one byte array (for layouts that need all of it, such as xlsx). */
export const bytesOf = async (bytes: FileBytes): Promise<Uint8Array> => {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunksOf(bytes)) {
    const part = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    parts.push(part);
    length += part.byteLength;
  }
  const whole = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.byteLength;
  }
  return whole;
};
