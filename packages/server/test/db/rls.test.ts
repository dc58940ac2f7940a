import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';

/** Row-level security on real PostgreSQL: a Supabase client with a user's claims sees only their rows. */
describe('RLS policies (PostgreSQL)', () => {
  let db: TestDb;
  const alice = randomUUID();
  const bob = randomUUID();

  beforeEach(async () => {
    db = await createTestDb('postgres');
    for (const user of [alice, bob]) {
      await db.query('insert into profiles (id, email) values ($1, $2)', [user, `${user}@x.test`]);
      const { rows } = await db.query<{ id: string }>(
        `insert into brands (user_id, name) values ($1, 'brand') returning id`,
        [user],
      );
      const brandId = rows[0]!.id;
      await db.query('insert into counters_monthly (brand_id, period_yyyymm) values ($1, 202611)', [brandId]);
      const order = await db.query<{ id: string }>(
        `insert into orders (user_id, brand_id, type, topic, ratio, count, period_yyyymm)
         values ($1, $2, 'image', 't', '1:1', 1, 202611) returning id`,
        [user, brandId],
      );
      const orderId = order.rows[0]!.id;
      const item = await db.query<{ id: string }>(
        `insert into order_items (order_id, sequence_number, type) values ($1, 0, 'image') returning id`,
        [orderId],
      );
      await db.query(
        `insert into job_queue (user_id, brand_id, order_id, type, payload) values ($1, $2, $3, 'render_images', '{}')`,
        [user, brandId, orderId],
      );
      await db.query(
        `insert into library_assets (user_id, brand_id, order_id, order_item_id, type, cloudinary_url, slide_index)
         values ($1, $2, $3, $4, 'image', 'https://x.test/a.png', 0)`,
        [user, brandId, orderId, item.rows[0]!.id],
      );
      await db.query(
        `insert into media_generations (user_id, brand_id, order_id, type, output_url) values ($1, $2, $3, 'video', 'https://x.test/v.webm')`,
        [user, brandId, orderId],
      );
      await db.query(
        `insert into order_events (order_id, user_id, type, data) values ($1, $2, 'status', '{}')`,
        [orderId, user],
      );
      await db.query(`insert into user_roles (user_id, role) values ($1, 'user')`, [user]);
    }
    await db.query(`insert into api_keys (name, prefix, key_hash) values ('k', 'sk_x', 'h')`);
  });
  afterEach(() => db.drop());

  const tables = [
    ['profiles', 'id'],
    ['user_roles', 'user_id'],
    ['brands', 'user_id'],
    ['orders', 'user_id'],
    ['job_queue', 'user_id'],
    ['library_assets', 'user_id'],
    ['media_generations', 'user_id'],
    ['order_events', 'user_id'],
  ] as const;

  async function asUser<T>(userId: string, fn: (q: TestDb['query']) => Promise<T>): Promise<T> {
    return db.transaction(async (tx) => {
      await tx.query('set local role authenticated');
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: userId, role: 'authenticated' }),
      ]);
      return fn(tx.query);
    });
  }

  it.each(tables)('%s shows only the caller’s rows', async (table, ownerColumn) => {
    const visible = await asUser(
      alice,
      async (query) => (await query(`select ${ownerColumn} as owner from ${table}`)).rows,
    );
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((row) => row.owner === alice)).toBe(true);
    // The owner (the server's connection) sees both users' rows.
    const all = await db.query(`select distinct ${ownerColumn} from ${table}`);
    expect(all.rowCount).toBe(2);
  });

  it('scopes tables reached through a parent row, and hides api_keys entirely', async () => {
    await asUser(alice, async (query) => {
      const items = await query<{ user_id: string }>(
        'select o.user_id from order_items i join orders o on o.id = i.order_id',
      );
      expect(items.rows.map((r) => r.user_id)).toEqual([alice]);
      const counters = await query('select brand_id from counters_monthly');
      expect(counters.rowCount).toBe(1);
      await expect(query('select * from api_keys')).rejects.toThrow(/permission denied/);
    });
  });

  it('sees nothing without claims, and cannot write another user’s brand', async () => {
    const anonymous = await db.transaction(async (tx) => {
      await tx.query('set local role authenticated');
      return (await tx.query('select * from orders')).rowCount;
    });
    expect(anonymous).toBe(0);
    const updated = await asUser(alice, async (query) => {
      return (await query(`update brands set name = 'hacked' where user_id = $1`, [bob])).rowCount;
    });
    expect(updated).toBe(0);
    const names = await db.query<{ name: string }>('select name from brands where user_id = $1', [bob]);
    expect(names.rows[0]?.name).toBe('brand');
  });
});
