import { LIMITS, type Page } from '@alfie/core/contract';
import { isUuid } from '../auth/principal.js';
import { validationFailed } from '../errors.js';

/**
 * Cursors are opaque to clients: base64url of the last row's id. The SQL resumes after that row's
 * (created_at, id), read from the database, so timestamps never lose precision in a round trip.
 */
export function encodeCursor(id: string): string {
  return Buffer.from(`v1:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('v1:') ? decoded.slice(3) : '';
  if (!isUuid(id))
    throw validationFailed('The cursor is invalid', [{ path: '/cursor', message: 'is not a cursor' }]);
  return id;
}

export function pageSize(limit: number | undefined): number {
  return limit ?? LIMITS.pageSize.default;
}

/** Rows were fetched with `limit + 1`: the extra row only says there is a next page. */
export function toPage<R extends { id: unknown }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(String(last.id)) : null,
  };
}
