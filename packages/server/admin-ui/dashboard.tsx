import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ProblemJob } from '../src/admin/stats.js';
import { type Actor, AdminApiError, api, type Overview } from './api.js';
import { Chart, type ChartSeries } from './chart.js';
import { JobsTable } from './jobs-table.js';
import { ReuseAbCards } from './reuse-ab.js';

const COLORS = ['#2563eb', '#d97706', '#059669', '#dc2626'];
const percent = (v: number) => `${Math.round(v * 100)}%`;
const seconds = (v: number) => (v >= 60 ? `${(v / 60).toFixed(1)} min` : `${v.toFixed(v < 10 ? 1 : 0)} s`);
const count = (v: number) => String(Math.round(v));

function seriesOf(record: Record<string, (number | null)[]>): ChartSeries[] {
  return Object.entries(record).map(([label, values], i) => ({
    label,
    values,
    color: COLORS[i % COLORS.length] ?? '#2563eb',
  }));
}

function useLiveRefresh(refresh: () => void) {
  const [live, setLive] = useState(false);
  useEffect(() => {
    // The same order events the clients' SSE streams carry, as a throttled `change` signal.
    const source = new EventSource('/admin/api/events');
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('change', () => refresh());
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [refresh]);
  return live;
}

export function Dashboard({ actor, onLogout }: { actor: Actor; onLogout: () => void }) {
  const [range, setRange] = useState<'24h' | '30d'>('24h');
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api.overview(range).then(
      (overview) => {
        setData(overview);
        setError(null);
      },
      (e: unknown) => {
        if (e instanceof AdminApiError && e.status === 404) onLogout();
        else setError(String((e as Error).message));
      },
    );
  }, [range, onLogout]);
  useEffect(refresh, [refresh]);
  const live = useLiveRefresh(refresh);

  const act = async (job: ProblemJob, action: 'retry' | 'cancel') => {
    setBusy(job.id);
    try {
      if (action === 'retry') await api.retryJob(job.id);
      else if (job.orderId) await api.cancelOrder(job.orderId);
      setNotice(
        action === 'retry'
          ? `Job ${job.id.slice(0, 8)} queued again`
          : `Order ${job.orderId?.slice(0, 8)} canceled`,
      );
      refresh();
    } catch (e) {
      setNotice(`Failed: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const charts = useMemo(
    () =>
      data && {
        success: seriesOf(data.successRate),
        timing: seriesOf(data.generationSeconds),
        quota: seriesOf(data.quotaCharged),
        stuck: [{ label: 'stuck > 10 min', values: data.stuck, color: '#dc2626' }],
      },
    [data],
  );

  return (
    <div class="dashboard">
      <header>
        <h1>Alfie operations</h1>
        <nav class="ranges">
          {(['24h', '30d'] as const).map((r) => (
            <button type="button" key={r} class={r === range ? 'active' : ''} onClick={() => setRange(r)}>
              {r === '24h' ? 'Last 24 hours' : 'Last 30 days'}
            </button>
          ))}
        </nav>
        <span class={`live ${live ? 'on' : 'off'}`}>{live ? 'live' : 'offline'}</span>
        <span class="who">
          {actor.kind === 'apiKey' ? `key ${actor.name}` : (actor.email ?? actor.userId)}
        </span>
        <button type="button" onClick={() => void api.logout().then(onLogout)}>
          Sign out
        </button>
      </header>
      {error && <p class="error">{error}</p>}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {data && charts && (
        <>
          <section class="grid">
            <article class="card" id="success">
              <h2>Job success rate by type</h2>
              <Chart x={data.buckets} series={charts.success} format={percent} />
              <ul class="totals">
                {Object.entries(data.jobsFinished).map(([type, t]) => (
                  <li key={type} data-type={type}>
                    {type}: {t.completed} completed, {t.failed} failed, {t.canceled} canceled
                  </li>
                ))}
              </ul>
            </article>
            <article class="card" id="timing">
              <h2>Mean generation time</h2>
              <Chart x={data.buckets} series={charts.timing} format={seconds} />
              <ul class="totals">
                {Object.entries(data.ordersDelivered).map(([type, n]) => (
                  <li key={type} data-type={type}>
                    {type}: {n} orders delivered
                  </li>
                ))}
              </ul>
            </article>
            <article class="card" id="quota">
              <h2>Quota use by plan (images + reels charged)</h2>
              <Chart x={data.buckets} series={charts.quota} format={count} bars integer />
              <table class="quota">
                <thead>
                  <tr>
                    <th>Plan</th>
                    <th>Brands</th>
                    <th>Images used / reserved / limit</th>
                    <th>Reels used / reserved / limit</th>
                  </tr>
                </thead>
                <tbody>
                  {data.quotaNow.map((q) => (
                    <tr key={String(q.plan)} data-plan={String(q.plan)}>
                      <td>{q.plan}</td>
                      <td>{q.brands}</td>
                      <td>
                        {q.images_used} / {q.images_reserved} / {q.images_limit}
                      </td>
                      <td>
                        {q.reels_used} / {q.reels_reserved} / {q.reels_limit}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
            <article class="card" id="stuck">
              <h2>Jobs stuck &gt; 10 min</h2>
              <Chart x={data.buckets} series={charts.stuck} format={count} bars integer />
              <p class="totals" data-stuck={data.stuckTotal}>
                {data.stuckTotal} stuck in this range
              </p>
            </article>
          </section>
          <ReuseAbCards range={range} version={data} />
          <section class="card" id="problems">
            <h2>Failed and stuck jobs</h2>
            <JobsTable
              jobs={data.jobs}
              busy={busy}
              onRetry={(job) => void act(job, 'retry')}
              onCancel={(job) => void act(job, 'cancel')}
            />
          </section>
        </>
      )}
    </div>
  );
}
