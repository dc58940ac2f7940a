import { useEffect, useState } from 'preact/hooks';
import type { AdminReuseAb } from '../src/admin/reuse-ab.js';
import { api } from './api.js';

const percent = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

/**
 * The reuse and A/B cards: reuse rate and renders saved, the running tests with their verdicts,
 * and which variant styles win across brands. Refreshed with the rest of the dashboard (`version`).
 */
export function ReuseAbCards({ range, version }: { range: string; version: unknown }) {
  const [data, setData] = useState<AdminReuseAb | null>(null);
  useEffect(() => {
    api.reuseAb(range).then(setData, () => setData(null));
  }, [range, version]);
  if (!data) return null;
  return (
    <section class="grid">
      <article class="card" id="reuse">
        <h2>Reuse of similar generations</h2>
        <p class="totals" data-reuse-rate={data.reuse.rate ?? ''}>
          Reuse rate: {percent(data.reuse.rate)} ({data.reuse.reused} of {data.reuse.orders} orders)
        </p>
        <p class="totals" data-renders-saved={data.reuse.rendersSaved}>
          Renders saved: {data.reuse.rendersSaved}
        </p>
      </article>
      <article class="card" id="ab-tests">
        <h2>A/B tests</h2>
        <ul class="totals">
          {Object.entries(data.winningStyles).map(([style, wins]) => (
            <li key={style} data-style={style}>
              {style}: {wins} {wins === 1 ? 'win' : 'wins'}
            </li>
          ))}
        </ul>
        <table class="quota">
          <thead>
            <tr>
              <th>Brand</th>
              <th>Topic</th>
              <th>Clicks / impressions by variant</th>
              <th>Verdict</th>
            </tr>
          </thead>
          <tbody>
            {data.runningTests.map((test) => (
              <tr key={test.orderId} data-order={test.orderId}>
                <td>{test.brandName}</td>
                <td>{test.topic}</td>
                <td>{test.impressions.map((n, i) => `${test.clicks[i] ?? 0}/${n}`).join(' · ')}</td>
                <td>{test.verdict.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </section>
  );
}
