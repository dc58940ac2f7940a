import type { RequestOptions, Transport } from './transport.js';

/** A file the server sent as an attachment: its name, its type, and the unread response. */
export interface FileDownload {
  /** From `Content-Disposition` (`filename*` first, RFC 6266), e.g. `Café - Tendances 2025.zip`. */
  fileName: string;
  contentType: string;
  /** The body is not read yet: stream it (`response.body`) or take it whole (`response.blob()`). */
  response: Response;
}

/** GETs a download route and names the file as the server did. */
export async function fetchDownload(
  transport: Transport,
  path: string,
  fallbackName: string,
  opts?: RequestOptions,
): Promise<FileDownload> {
  const response = await transport.send(path, { retry: true, ...opts });
  return {
    fileName: fileNameOf(response.headers.get('content-disposition')) ?? fallbackName,
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    response,
  };
}

/**
 * The file name of a `Content-Disposition` header: `filename*=UTF-8''…` when present (it carries
 * the real name), else the plain `filename`. Null when there is none.
 */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;\s]+))/i.exec(header);
  if (!plain) return null;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : (plain[2] ?? null);
}
