import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';

/**
 * The widget's script-tag build: the entry, the panel (one file per locale) it loads from the same
 * folder, and the extras the panel loads from there on first use (quota, library and help answers,
 * enlarged image, reuse offer, variant picker).
 */
export const WIDGET_FILES = [
  'alfie-widget.js',
  'alfie-widget-panel-fr.js',
  'alfie-widget-panel-en.js',
  'alfie-widget-extras.js',
] as const;
export type WidgetFile = (typeof WIDGET_FILES)[number];

/** The built widget shipped in @alfie/widget's `dist`, or null when that package is not installed. */
export function widgetDistDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@alfie/widget/package.json')), 'dist');
  } catch {
    return null;
  }
}

/** One widget file as a streamed JavaScript response, or null when it is not built. */
export async function widgetFileResponse(dir: string | null, name: WidgetFile): Promise<Response | null> {
  if (!dir) return null;
  const path = join(dir, name);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Length': String(info.size),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
