import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DB_KINDS, type TestDb } from '../helpers/db.js';

describe.each(TEST_DB_KINDS)('Db on %s', (kind) => {
  let db: TestDb;
  afterEach(() => db?.drop());

  it('gives a migrated database with consistent row types', async () => {
    db = await createTestDb(kind);
    const { rows } = await db.query<{ n: number; plans: number; now: Date; j: unknown }>(
      `select 9007199254740991::int8 as n, (select count(*) from plans) as plans, now() as now, '{"a":1}'::jsonb as j`,
    );
    expect(rows[0]).toMatchObject({ n: 9007199254740991, plans: 3, j: { a: 1 } });
    expect(rows[0]?.now).toBeInstanceOf(Date);
  });

  it('commits and rolls back transactions', async () => {
    db = await createTestDb(kind);
    const userId = '00000000-0000-4000-8000-000000000001';
    await db.transaction((tx) => tx.query(`insert into brands (user_id, name) values ($1, 'A')`, [userId]));
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`insert into brands (user_id, name) values ($1, 'B')`, [userId]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows, rowCount } = await db.query('select name from brands');
    expect(rows).toEqual([{ name: 'A' }]);
    expect(rowCount).toBe(1);
    const update = await db.query(`update brands set name = 'C' where user_id = $1`, [userId]);
    expect(update.rowCount).toBe(1);
  });

  it('delivers NOTIFY to listeners after commit, and stops after unlisten', async () => {
    db = await createTestDb(kind);
    const received: string[] = [];
    const unlisten = await db.listen('alfie_test_channel', (payload) => received.push(payload));
    await db.query(`select pg_notify('alfie_test_channel', 'one')`);
    await expect.poll(() => received).toEqual(['one']);
    await unlisten();
    await db.query(`select pg_notify('alfie_test_channel', 'two')`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual(['one']);
  });
});

describe('LISTEN on PostgreSQL', () => {
  let db: TestDb;
  afterEach(() => db?.drop());

  it('reconnects after the listening connection is killed, and says so', async () => {
    db = await createTestDb('postgres');
    const received: string[] = [];
    let reconnects = 0;
    await db.listen('alfie_test_reconnect', (payload) => received.push(payload), {
      onReconnect: () => {
        reconnects++;
      },
    });
    await db.query(`select pg_notify('alfie_test_reconnect', 'before')`);
    await expect.poll(() => received).toEqual(['before']);
    const killed = await db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
    );
    expect(killed.rowCount).toBe(1);
    await expect.poll(() => reconnects, { timeout: 10_000 }).toBe(1);
    await db.query(`select pg_notify('alfie_test_reconnect', 'after')`);
    await expect.poll(() => received).toEqual(['before', 'after']);
  });
});
