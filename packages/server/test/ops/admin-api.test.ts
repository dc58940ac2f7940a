import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOverview } from '../../src/admin/stats.js';
import { READ_DB_STATS } from '../../src/sql/metrics/read-db-stats.js';
import { createTestDb } from '../helpers/db.js';
import { createOpsHarness, type OpsHarness } from './harness.js';

describe('admin API on PostgreSQL', () => {
  let h: OpsHarness;
  beforeEach(async () => {
    h = await createOpsHarness();
  });
  afterEach(() => h.close());

  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  async function failedImageOrder(token: string, brandId: string) {
    h.failures.set(0, { kind: 'permanent' });
    const res = await h.request('/v1/generate', {
      headers: { authorization: `Bearer ${token}` },
      json: { format: 'image', count: 1, topic: 'Refused', brandId },
    });
    const created = (await res.json()) as { orderId: string; jobId: string };
    expect(await h.waitForOrder(created.orderId)).toBe('failed');
    for (let i = 0; i < 100; i++) {
      const { rows } = await h.db.query(`select 1 from job_queue where id = $1 and status = 'failed'`, [
        created.jobId,
      ]);
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    h.failures.clear();
    return created;
  }

  it('logs in with an admin token, refuses actions without the CSRF header, and ends a session whose role is removed', async () => {
    const admin = await h.user({ admin: true });
    const login = await h.request('/admin/api/session', {
      headers: { 'x-alfie-admin': '1' },
      json: { credential: admin.token },
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Strict/);
    expect(login.headers.get('set-cookie')).toMatch(/Path=\/admin/);
    const cookie = cookieOf(login);
    expect((await h.request('/admin/api/me', { headers: { cookie } })).status).toBe(200);

    const noHeader = await h.request('/admin/api/jobs/00000000-0000-4000-8000-000000000000/retry', {
      method: 'POST',
      headers: { cookie },
    });
    expect(noHeader.status).toBe(403);
    // Without the session, the same call is an unknown route.
    const anonymous = await h.request('/admin/api/jobs/00000000-0000-4000-8000-000000000000/retry', {
      method: 'POST',
      headers: { 'x-alfie-admin': '1' },
    });
    expect(anonymous.status).toBe(404);

    await h.db.query('delete from user_roles where user_id = $1', [admin.userId]);
    expect((await h.request('/admin/api/me', { headers: { cookie } })).status).toBe(404);
    expect((await h.request('/admin', { headers: { cookie } })).status).toBe(404);
    const forged = await h.request('/admin/api/me', { headers: { cookie: `${cookie}x` } });
    expect(forged.status).toBe(404);
  });

  it('retries a failed job only within the plan, and says why it cannot', async () => {
    await h.startWorker();
    const user = await h.user();
    const key = await h.apiKey();
    const auth = { authorization: `Bearer ${key}`, 'x-alfie-admin': '1' };
    const failed = await failedImageOrder(user.token, user.brandId);

    // The brand's plan is spent: the retry is refused and nothing changes.
    await h.db.query(`update counters_monthly set images_used = 450 where brand_id = $1`, [user.brandId]);
    const refused = await h.request(`/admin/api/jobs/${failed.jobId}/retry`, {
      method: 'POST',
      headers: auth,
    });
    expect(refused.status).toBe(402);
    const { rows: still } = await h.db.query<{ status: string }>(
      'select status from job_queue where id = $1',
      [failed.jobId],
    );
    expect(still[0]?.status).toBe('failed');

    await h.db.query(`update counters_monthly set images_used = 0 where brand_id = $1`, [user.brandId]);
    const retried = await h.request(`/admin/api/jobs/${failed.jobId}/retry`, {
      method: 'POST',
      headers: auth,
    });
    expect(retried.status).toBe(200);
    expect(await h.waitForOrder(failed.orderId, ['completed'])).toBe('completed');
    const { rows: counters } = await h.db.query<{ images_used: number; images_reserved: number }>(
      'select images_used, images_reserved from counters_monthly where brand_id = $1',
      [user.brandId],
    );
    expect(counters[0]).toEqual({ images_used: 1, images_reserved: 0 });

    // Not failed any more: a second retry is a conflict; an unknown job is 404.
    const again = await h.request(`/admin/api/jobs/${failed.jobId}/retry`, { method: 'POST', headers: auth });
    expect(again.status).toBe(409);
    const unknown = await h.request('/admin/api/jobs/00000000-0000-4000-8000-000000000000/retry', {
      method: 'POST',
      headers: auth,
    });
    expect(unknown.status).toBe(404);
    const cancelEnded = await h.request(`/admin/api/orders/${failed.orderId}/cancel`, {
      method: 'POST',
      headers: auth,
    });
    expect(cancelEnded.status).toBe(409);
  });
});

describe('dashboard and scrape queries on PGlite', () => {
  it('run on the embedded database too', async () => {
    const db = await createTestDb('pglite');
    try {
      const { rows } = await db.query<{ jobs: unknown; past_lease: number }>(READ_DB_STATS);
      expect(rows[0]).toMatchObject({ jobs: {}, past_lease: 0, quota: [] });
      const overview = await readOverview(db, '30d');
      expect(overview.buckets).toHaveLength(30);
      expect(overview.quotaNow.map((q) => q.plan)).toEqual(['starter', 'pro', 'studio']);
    } finally {
      await db.drop();
    }
  });
});
