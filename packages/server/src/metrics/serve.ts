import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ConfigError } from '../config-error.js';
import type { Metrics } from './metrics.js';

/** METRICS_PORT as a port number, null when unset; a wrong value is a one-line ConfigError. */
export function metricsPortFromEnv(env: Record<string, string | undefined>): number | null {
  const raw = env.METRICS_PORT?.trim();
  if (!raw) return null;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`METRICS_PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

export interface MetricsServerOptions {
  port: number;
  /** METRICS_TOKEN. Without one the port listens on 127.0.0.1 only. */
  token: string | null;
  host: string;
}

/**
 * A bare /metrics listener for processes without the HTTP API (`alfie-server worker`), so each
 * worker exposes its own counters. Started only when METRICS_PORT is set. It never reports
 * database gauges: the API processes do, so they are not counted once per worker.
 *
 * @example
 * const server = await serveMetrics(metrics, { port: 9464, token: process.env.METRICS_TOKEN ?? null, host: '0.0.0.0' });
 */
export function serveMetrics(metrics: Metrics, options: MetricsServerOptions): Promise<Server> {
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : null;
  const server = createServer((req, res) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    const allowed = !expected || (given.length === expected.length && timingSafeEqual(given, expected));
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics' || !allowed) {
      res.writeHead(404).end();
      return;
    }
    metrics.render().then(
      (body) => res.writeHead(200, { 'content-type': metrics.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.token ? options.host : '127.0.0.1', () => resolve(server));
  });
}
