import type { MediaBody } from './types.js';

/** Yields a MediaBody chunk by chunk, whether it is a buffer or already a stream. */
export async function* iterateBody(body: MediaBody): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  yield* body;
}

/**
 * Reads a whole MediaBody into one buffer. Only for small things (a poster, a test); uploads stream.
 *
 * @example
 * const png = await readBody(result.body);
 */
export async function readBody(body: MediaBody): Promise<Buffer> {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
