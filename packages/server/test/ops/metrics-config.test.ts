import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/config-error.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { metricsPortFromEnv, serveMetrics } from '../../src/metrics/serve.js';

function get(port: number, headers: Record<string, string> = {}, path = '/metrics') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('metrics settings', () => {
  it('reads METRICS_TOKEN and refuses a short one without echoing it', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-metrics-token' }).metricsToken).toBe(
      'a-long-enough-metrics-token',
    );
    const error = (() => {
      try {
        loadConfig({ METRICS_TOKEN: 'short-secret' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).not.toContain('short-secret');
    expect(metricsPortFromEnv({})).toBeNull();
    expect(metricsPortFromEnv({ METRICS_PORT: '9464' })).toBe(9464);
    expect(() => metricsPortFromEnv({ METRICS_PORT: 'nine' })).toThrow(ConfigError);
  });

  it("serves a worker's own counters on METRICS_PORT, behind the token", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.engineCall('gemini', 'generateImage', 'retryable', 0.3);
    const token = 'worker-metrics-token-123';
    const server = await serveMetrics(metrics, { port: 0, token, host: '127.0.0.1' });
    try {
      const { port } = server.address() as AddressInfo;
      expect((await get(port)).status).toBe(404);
      expect((await get(port, { authorization: 'Bearer wrong-token-xxxxxxx' })).status).toBe(404);
      expect((await get(port, { authorization: `Bearer ${token}` }, '/other')).status).toBe(404);
      const ok = await get(port, { authorization: `Bearer ${token}` });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain(
        'alfie_engine_calls_total{engine="gemini",operation="generateImage",result="retryable"} 1',
      );
      expect(ok.body).not.toContain('alfie_db_');
    } finally {
      server.close();
    }
  });
});
