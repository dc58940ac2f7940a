import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../../src/db/faults.js';
import { createPgDb } from '../../src/db/pg.js';
import type { Db } from '../../src/db/types.js';
import { ADMIN_DATABASE_URL, createTestDb, type TestDb } from '../helpers/db.js';

/**
 * The node-postgres Db when its connections are killed (what a restart, a failover or a pooler
 * reset does): errors become DatabaseUnavailableError, a broken client is never reused, and no
 * 'error' event reaches Node unhandled (vitest fails the file on one).
 */
describe('pg Db under terminated backends', () => {
  let test: TestDb;
  let db: Db;
  let admin: pg.Client;
  const connectionErrors: Error[] = [];

  beforeEach(async () => {
    test = await createTestDb('postgres');
    db = createPgDb({ connectionString: test.url!, max: 3, onError: (e) => connectionErrors.push(e) });
    admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
    await db.close();
    await test.drop();
  });

  const backendPids = async () =>
    (await db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const terminate = (pid: number) => admin.query('select pg_terminate_backend($1)', [pid]);

  it('a transaction whose connection is killed between statements rejects, and the pool goes on', async () => {
    const attempt = db.transaction(async (tx) => {
      const { rows } = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
      await terminate(rows[0]!.pid);
      // Give the client the time to see its socket close before the next statement.
      await new Promise((r) => setTimeout(r, 200));
      await tx.query('select 1');
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // Every later query and transaction works, on fresh connections.
    for (let i = 0; i < 6; i++) {
      expect(
        await db.transaction(async (tx) => (await tx.query<{ n: number }>('select 1 as n')).rows[0]!.n),
      ).toBe(1);
    }
  });

  it('idle connections killed all at once cost nothing but a reconnect; LISTEN comes back and says so', async () => {
    const heard: string[] = [];
    let reconnects = 0;
    await db.listen('fault_test', (payload) => heard.push(payload), { onReconnect: () => reconnects++ });
    await backendPids();
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [test.name],
    );
    await new Promise((r) => setTimeout(r, 300));
    const deadline = Date.now() + 10_000;
    while (reconnects === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(reconnects).toBe(1);
    await db.query(`select pg_notify('fault_test', 'after')`);
    while (!heard.includes('after') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toContain('after');
    expect(connectionErrors.length).toBeGreaterThan(0);
  });

  it('a query while connections are refused fails fast as unavailable, not a hang', async () => {
    await admin.query(`alter database "${test.name}" allow_connections false`);
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
        test.name,
      ]);
      const started = Date.now();
      const error = await db.query('select 1').catch((e: unknown) => e);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(Date.now() - started).toBeLessThan(6_000);
    } finally {
      await admin.query(`alter database "${test.name}" allow_connections true`);
    }
    expect((await db.query<{ n: number }>('select 1 as n')).rows[0]!.n).toBe(1);
  });
});
