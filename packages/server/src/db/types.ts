/**
 * The one data-access interface of the server. Two implementations: node-postgres for
 * `DATABASE_URL` (src/db/pg.ts) and embedded PGlite in a data directory (src/db/pglite.ts).
 *
 * Both return the same JavaScript types, so code never checks `kind` to read a row:
 * - int2/int4 -> number, int8 (bigserial, count(*)) -> number, numeric -> string
 * - timestamptz -> Date, json/jsonb -> parsed value, uuid/text -> string, bool -> boolean
 *
 * @example
 * const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: '.alfie' });
 * const { rows } = await db.query<{ id: string }>('select id from brands where user_id = $1', [userId]);
 * await db.transaction(async (tx) => {
 *   await tx.query('update orders set status = $2 where id = $1', [orderId, 'canceled']);
 * });
 * const unlisten = await db.listen('alfie_jobs', (payload) => wake(payload));
 */
export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated, deleted or returned. */
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Name of a prepared statement for a hot query: PostgreSQL then parses and plans it once per
   * connection instead of on every call. PGlite ignores it. The same name must always carry the
   * same SQL.
   */
  name?: string;
}

/** One parameterised statement at a time. A `Db` and a transaction handle both satisfy it. */
export interface Queryable {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Handle given to `transaction(fn)`. Use it, not the `Db`, for every statement of the transaction. */
export type Tx = Queryable;

export type DbKind = 'postgres' | 'pglite';

export interface ListenOptions {
  /**
   * Called after the LISTEN connection was lost and re-established: notifications sent meanwhile are
   * lost, so a listener that must not miss any (SSE replay) re-reads from the table here.
   */
  onReconnect?: () => void;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * On PGlite transactions are serialised (one connection): never call `db.query` or
   * `db.transaction` from inside `fn`, or it waits for itself. Always use `tx`.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel` (a plain identifier: letters, digits, underscores). Returns the function that
   * stops this handler. NOTIFYs of a transaction arrive after it commits.
   */
  listen(
    channel: string,
    handler: (payload: string) => void,
    options?: ListenOptions,
  ): Promise<() => Promise<void>>;
  /** Closes every connection. Pending listeners are dropped. */
  close(): Promise<void>;
}

/** Channel names are interpolated into LISTEN (identifiers cannot be parameters), so they are checked. */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new Error(`Invalid LISTEN channel name: ${JSON.stringify(channel)}`);
  }
}
