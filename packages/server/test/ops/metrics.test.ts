import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_DB_STATS } from '../../src/sql/metrics/read-db-stats.js';
import { createOpsHarness, type OpsHarness } from './harness.js';

/** The value of one sample line, e.g. sample(text, 'alfie_db_jobs{status="queued"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics on PostgreSQL', () => {
  let h: OpsHarness;
  beforeEach(async () => {
    h = await createOpsHarness();
  });
  afterEach(() => h.close());

  const scrape = async (auth: string) => {
    const res = await h.request('/metrics', { headers: { authorization: `Bearer ${auth}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('is hidden without METRICS_TOKEN or a secret API key, and open with either', async () => {
    expect((await h.request('/metrics')).status).toBe(404);
    const user = await h.user();
    expect((await h.request('/metrics', { headers: { authorization: `Bearer ${user.token}` } })).status).toBe(
      404,
    );
    expect(
      (await h.request('/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } })).status,
    ).toBe(404);
    expect(await scrape(h.secrets.metricsToken)).toContain('alfie_db_jobs');
    expect(await scrape(await h.apiKey())).toContain('alfie_http_requests_total');
  });

  it('counts a partial carousel from the HTTP request to the engine calls', async () => {
    await h.startWorker();
    const user = await h.user();
    h.failures.set(1, { kind: 'permanent' });
    const res = await h.request('/v1/generate', {
      headers: { authorization: `Bearer ${user.token}` },
      json: { format: 'carousel', count: 3, topic: 'Metrics carousel', brandId: user.brandId },
    });
    expect(res.status).toBe(202);
    const { orderId } = (await res.json()) as { orderId: string };
    expect(await h.waitForOrder(orderId)).toBe('partial');
    // The job's completion is written just after the order ends.
    await expect
      .poll(async () =>
        sample(
          await scrape(h.secrets.metricsToken),
          'alfie_jobs_finished_total{type="render_carousels",outcome="partial"}',
        ),
      )
      .toBe(1);

    const text = await scrape(h.secrets.metricsToken);
    expect(sample(text, 'alfie_item_generation_seconds_count{kind="carousel_slide"}')).toBe(2);
    expect(
      sample(text, 'alfie_engine_calls_total{engine="test-image",operation="generateImage",result="ok"}'),
    ).toBe(2);
    expect(
      sample(
        text,
        'alfie_engine_calls_total{engine="test-image",operation="generateImage",result="permanent"}',
      ),
    ).toBe(1);
    expect(
      sample(
        text,
        'alfie_engine_call_seconds_count{engine="test-planner",operation="planSlides",result="ok"}',
      ),
    ).toBe(1);
    expect(sample(text, 'alfie_order_wall_seconds_count{type="carousel",status="partial"}')).toBe(1);
    expect(sample(text, 'alfie_job_run_seconds_count{type="render_carousels",outcome="completed"}')).toBe(1);
    expect(sample(text, 'alfie_http_requests_total{method="POST",route="/v1/generate",status="202"}')).toBe(
      1,
    );
    expect(
      sample(
        text,
        'alfie_http_request_duration_seconds_count{method="POST",route="/v1/generate",status="202"}',
      ),
    ).toBe(1);
    // Two slides delivered and charged; the failed one released.
    expect(sample(text, 'alfie_db_quota_used{plan="pro",resource="images"}')).toBe(2);
    expect(sample(text, 'alfie_db_quota_reserved{plan="pro",resource="images"}')).toBe(0);
    expect(sample(text, 'alfie_db_jobs{status="queued"}')).toBe(0);
    expect(text).toContain('alfie_process_cpu_seconds_total');

    // SSE: the order's stream replays its events to a client.
    const before = sample(text, 'alfie_sse_events_sent_total') ?? 0;
    const stream = await h.request(`/v1/orders/${orderId}/events`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    const body = await stream.text();
    expect(body).toContain('event: end');
    const after = sample(await scrape(h.secrets.metricsToken), 'alfie_sse_events_sent_total') ?? 0;
    expect(after - before).toBe((body.match(/^event: /gm) ?? []).length);
  });

  it('reads queue depth, oldest queued age, jobs past lease and reserved quota from one query', async () => {
    const user = await h.user();
    for (const topic of ['Queued one', 'Queued two']) {
      const res = await h.request('/v1/generate', {
        headers: { authorization: `Bearer ${user.token}` },
        json: { format: 'image', count: 2, topic, brandId: user.brandId },
      });
      expect(res.status).toBe(202);
    }
    await h.db.query(`update job_queue set created_at = now() - interval '90 seconds' where payload->>'orderId' in
      (select id::text from orders where topic = 'Queued one')`);
    await h.db.query(`update job_queue set status = 'running', attempts = 1, locked_at = now() - interval '20 minutes',
      locked_by = 'ghost', lease_expires_at = now() - interval '1 minute'
      where payload->>'orderId' in (select id::text from orders where topic = 'Queued two')`);

    let statsQueries = 0;
    const query = h.db.query;
    h.db.query = ((sql: string, params?: unknown[]) => {
      if (sql === READ_DB_STATS) statsQueries++;
      return query(sql, params);
    }) as typeof h.db.query;
    const text = await scrape(h.secrets.metricsToken);
    expect(statsQueries).toBe(1);
    await scrape(h.secrets.metricsToken);
    expect(statsQueries).toBe(2);
    h.db.query = query;

    expect(sample(text, 'alfie_db_jobs{status="queued"}')).toBe(1);
    expect(sample(text, 'alfie_db_jobs{status="running"}')).toBe(1);
    expect(sample(text, 'alfie_db_jobs_past_lease')).toBe(1);
    expect(sample(text, 'alfie_db_oldest_queued_job_age_seconds')).toBeGreaterThanOrEqual(89);
    expect(sample(text, 'alfie_db_quota_reserved{plan="pro",resource="images"}')).toBe(4);
    expect(sample(text, 'alfie_db_quota_used{plan="pro",resource="images"}')).toBe(0);

    // The owner cancels the queued order: its job ended as canceled, counted once.
    const { rows } = await h.db.query<{ id: string }>(`select id from orders where topic = 'Queued one'`);
    const cancel = await h.request(`/v1/orders/${rows[0]!.id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(cancel.status).toBe(200);
    const after = await scrape(h.secrets.metricsToken);
    expect(sample(after, 'alfie_jobs_finished_total{type="render_images",outcome="canceled"}')).toBe(1);
    expect(sample(after, 'alfie_db_jobs{status="queued"}')).toBe(0);
    expect(sample(after, 'alfie_db_quota_reserved{plan="pro",resource="images"}')).toBe(2);
  });
});
