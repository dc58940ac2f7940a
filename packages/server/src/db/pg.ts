import pg from 'pg';
import { asDatabaseError, isDatabaseUnavailable } from './faults.js';
import {
  assertChannelName,
  type Db,
  type ListenOptions,
  type Queryable,
  type QueryOptions,
  type QueryResult,
} from './types.js';

const INT8_OID = 20;

/** Same row types as PGlite (see types.ts): int8 as number rather than node-postgres' string. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded getTypeParser signature
    return (pg.types.getTypeParser as any)(oid, format);
  },
};

export interface PgDbOptions {
  connectionString: string;
  /** Pool size; default 10. */
  max?: number;
  /** Called with connection errors that happen outside a query (idle client dropped, LISTEN lost). */
  onError?: (error: Error) => void;
  /**
   * How long a query waits for a connection before it fails with DatabaseUnavailableError, instead
   * of hanging while PostgreSQL is away. Default 5 000 ms.
   */
  connectTimeoutMs?: number;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(
      sql: string,
      params?: readonly unknown[],
      options?: QueryOptions,
    ): Promise<QueryResult<Row>> {
      try {
        const result = await client.query({
          name: options?.name,
          text: sql,
          values: params as unknown[] | undefined,
          types: typeParsers,
        });
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
      } catch (error) {
        throw asDatabaseError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql).catch((error: unknown) => {
        throw asDatabaseError(error);
      });
    },
  };
}

/**
 * A `Db` over a node-postgres Pool. LISTEN runs on one dedicated client that reconnects with
 * backoff and re-subscribes every channel, so a restarted database does not silence SSE or workers.
 *
 * @example
 * const db = createPgDb({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
 */
export function createPgDb(options: PgDbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
  });
  const onError = options.onError ?? (() => {});
  pool.on('error', onError);
  const base = wrap(pool);
  const listener = createListener(options.connectionString, onError);

  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect().catch((error: unknown) => {
        throw asDatabaseError(error);
      });
      // pg-pool drops its own 'error' listener while a client is checked out: without this one, a
      // connection killed between two statements (57P01) is an unhandled 'error' that ends the process.
      let broken: Error | null = null;
      const onClientError = (error: Error) => {
        broken = error;
        onError(error);
      };
      client.on('error', onClientError);
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        if (isDatabaseUnavailable(error)) broken ??= error as Error;
        if (!broken) {
          await client.query('rollback').catch((rollbackError: Error) => {
            broken = rollbackError;
          });
        }
        throw asDatabaseError(isDatabaseUnavailable(broken) ? broken : error);
      } finally {
        client.off('error', onClientError);
        // A client whose connection failed is destroyed, never handed to the next caller; a late
        // error from its dying socket must not reach Node as unhandled either.
        if (broken) client.on('error', () => {});
        client.release(broken ?? undefined);
      }
    },
    listen: listener.listen,
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

interface Subscription {
  handler: (payload: string) => void;
  options?: ListenOptions;
}

function createListener(connectionString: string, onError: (error: Error) => void) {
  const channels = new Map<string, Set<Subscription>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let retryDelay = 100;
  let reconnectTimer: NodeJS.Timeout | null = null;

  async function connect(isReconnect: boolean): Promise<pg.Client> {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      for (const sub of channels.get(message.channel) ?? []) sub.handler(message.payload ?? '');
    });
    next.on('error', (error) => {
      onError(error);
      scheduleReconnect(next);
    });
    next.on('end', () => scheduleReconnect(next));
    try {
      await next.connect();
      for (const channel of channels.keys()) await next.query(`listen ${channel}`);
    } catch (error) {
      next.end().catch(() => {});
      throw error;
    }
    client = next;
    retryDelay = 100;
    if (isReconnect) {
      for (const subs of channels.values()) for (const sub of subs) sub.options?.onReconnect?.();
    }
    return next;
  }

  function scheduleReconnect(lost: pg.Client) {
    if (closed || client !== lost) return;
    client = null;
    lost.end().catch(() => {});
    if (channels.size === 0 || reconnectTimer) return;
    const attempt = () => {
      reconnectTimer = null;
      if (closed) return;
      connecting = connect(true);
      connecting.catch((error: Error) => {
        connecting = null;
        onError(error);
        retryDelay = Math.min(retryDelay * 2, 10_000);
        reconnectTimer = setTimeout(attempt, retryDelay);
      });
    };
    reconnectTimer = setTimeout(attempt, retryDelay);
  }

  async function ready(): Promise<pg.Client> {
    if (client) return client;
    if (!connecting) {
      connecting = connect(false);
      connecting.catch(() => {
        connecting = null;
      });
    }
    return connecting;
  }

  return {
    async listen(channel: string, handler: (payload: string) => void, options?: ListenOptions) {
      assertChannelName(channel);
      if (closed) throw new Error('Database is closed');
      const sub: Subscription = { handler, options };
      const isNew = !channels.has(channel);
      const subs = channels.get(channel) ?? new Set<Subscription>();
      subs.add(sub);
      channels.set(channel, subs);
      try {
        const conn = await ready();
        // connect() already listened to every known channel, so only a late new channel needs it.
        if (isNew && conn === client) await conn.query(`listen ${channel}`);
      } catch (error) {
        subs.delete(sub);
        if (subs.size === 0) channels.delete(channel);
        throw error;
      }
      return async () => {
        subs.delete(sub);
        if (subs.size === 0 && channels.get(channel) === subs) {
          channels.delete(channel);
          await client?.query(`unlisten ${channel}`).catch(() => {});
        }
      };
    },
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      channels.clear();
      const current = client ?? (await connecting?.catch(() => null));
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
