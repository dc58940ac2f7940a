import type { BrandStyle } from '../../src/engines/types.js';

export const brand: BrandStyle = {
  name: 'Café Lumière',
  palette: ['#0B3D91', '#F2A900', '#FFFFFF'],
  fonts: ['Inter'],
  voice: 'chaleureuse et experte',
  niche: 'cafés de spécialité',
  logoUrl: null,
};

/** Reads width and height from a PNG's IHDR chunk (bytes 16..24), after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  if (buffer.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** A parsed JSON body in test assertions. */
// biome-ignore lint/suspicious/noExplicitAny: request and response bodies are asserted field by field
export type Json = any;
