import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { notFound } from '../../errors.js';
import { CONTENT_TYPE_BY_EXTENSION, isSafePublicId } from '../../storage/content-types.js';
import { errorHandler } from '../error-handler.js';

export interface FilesRoutesDeps {
  /** Same data directory local storage writes to; files live under `${dataDir}/files`. */
  dataDir: string;
}

/**
 * Serves local storage's files at `/files/<publicId>.<ext>`: the right content type, an ETag and
 * Last-Modified with conditional requests (304), a year of immutable caching (a publicId is never
 * rewritten with other content), and single byte ranges (206), which Chromium needs to seek in
 * a video. Anything that is not a plain stored key (`..`, encoded slashes, unknown extensions) is 404.
 *
 * @example
 * app.route('/', filesRoutes({ dataDir: '.alfie' })); // GET /files/alfie/b/o/slide-0.png
 */
export function filesRoutes(deps: FilesRoutesDeps): Hono {
  const root = join(deps.dataDir, 'files');
  const app = new Hono();
  app.onError(errorHandler);

  app.on(['GET', 'HEAD'], '/files/*', async (c) => {
    const key = storedKey(new URL(c.req.url).pathname);
    if (!key) throw notFound('File');
    const file = join(root, ...key.segments);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw notFound('File');

    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = new Headers({
      'Content-Type': key.contentType,
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
    });
    if (isNotModified(c.req.raw.headers, etag, info.mtime))
      return new Response(null, { status: 304, headers });

    const ifRange = c.req.header('if-range');
    const rangeHeader = ifRange && ifRange !== etag ? undefined : c.req.header('range');
    const range = rangeHeader ? parseRange(rangeHeader, info.size) : null;
    if (range === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${info.size}`);
      return new Response(null, { status: 416, headers });
    }
    const { start, end } = range ?? { start: 0, end: info.size - 1 };
    const length = info.size === 0 ? 0 : end - start + 1;
    headers.set('Content-Length', String(length));
    if (range) headers.set('Content-Range', `bytes ${start}-${end}/${info.size}`);
    const status = range ? 206 : 200;
    if (c.req.method === 'HEAD' || length === 0) return new Response(null, { status, headers });
    const stream = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
    return new Response(stream, { status, headers });
  });

  return app;
}

/** `/files/a/b/slide-0.png` -> its segments and content type, or null for anything unsafe. */
function storedKey(pathname: string): { segments: string[]; contentType: string } | null {
  let key: string;
  try {
    key = decodeURIComponent(pathname.replace(/^\/files\//, ''));
  } catch {
    return null;
  }
  const dot = key.lastIndexOf('.');
  if (dot <= 0) return null;
  const contentType = CONTENT_TYPE_BY_EXTENSION[key.slice(dot + 1)];
  if (!contentType || !isSafePublicId(key.slice(0, dot))) return null;
  return { segments: key.split('/'), contentType };
}

function isNotModified(headers: Headers, etag: string, mtime: Date): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch)
    return ifNoneMatch
      .split(',')
      .some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  const ifModifiedSince = headers.get('if-modified-since');
  if (!ifModifiedSince) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) <= Math.floor(since / 1000);
}

/**
 * One `bytes=` range (RFC 9110 §14.1.2): `a-b`, `a-` or `-n` (the last n bytes). Several ranges
 * are answered with the whole file, which the RFC allows; a malformed header is ignored.
 */
export function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
