import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { assertChannelName, type Db, type Queryable, type QueryResult } from './types.js';

interface PGliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(target: PGliteQueryable): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params ? [...params] : undefined);
      // PGlite reports affectedRows for writes; for selects the row count is what was returned.
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/**
 * A `Db` over embedded PGlite stored in `dataDir` (created when missing; in memory when omitted).
 * PGlite has a single connection: its own mutex serialises queries and transactions.
 *
 * @example
 * const db = await createPgliteDb({ dataDir: '.alfie/pgdata' });
 */
export async function createPgliteDb(options: { dataDir?: string } = {}): Promise<Db> {
  const pglite = await PGlite.create(options.dataDir, {
    // Same row types as node-postgres with our parsers (see types.ts).
    parsers: { [types.INT8]: (value: string) => Number(value) },
    // Trigram similarity finds earlier generations to reuse (migration 0010).
    extensions: { pg_trgm },
  });
  const base = wrap(pglite);
  let closed = false;

  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction(fn) {
      return pglite.transaction((tx) => fn(wrap(tx)));
    },
    async listen(channel, handler) {
      assertChannelName(channel);
      const unlisten = await pglite.listen(channel, handler);
      return async () => {
        if (!closed) await unlisten();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}
