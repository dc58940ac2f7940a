import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLimits } from '../../src/limits-config.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app.js';
import { type Child, killChild, spawnChild } from '../pipeline/children.js';
import { serveApp } from './serve-app.js';

// A day-long window: a burst never straddles two windows, whatever the time the test runs.
const DAY_WINDOW = { RATE_LIMIT_WINDOW_SECONDS: '86400' };
const apps: TestApp[] = [];
async function appWith(env: Record<string, string>) {
  const t = await createTestApp('postgres', { limits: loadLimits({ ...DAY_WINDOW, ...env }) });
  apps.push(t);
  return t;
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((t) => t.drop()));
});

/** Sends one raw HTTP/1.1 request and resolves with the first response head the server writes. */
function rawHead(url: string, head: string, body: Buffer): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(head);
      socket.write(body);
    });
    let got = '';
    socket.on('data', (chunk) => {
      got += chunk.toString('latin1');
      if (got.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(got);
      }
    });
    socket.on('error', reject);
  });
}

function post(agent: Agent, url: string, path: string, body: Buffer, chunked = false) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        `${url}${path}`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'x-alfie-admin': '1',
            ...(chunked ? {} : { 'content-length': body.length }),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

function get(agent: Agent, url: string, path: string) {
  return new Promise<number>((resolve, reject) => {
    httpRequest(`${url}${path}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    })
      .on('error', reject)
      .end();
  });
}

describe('bodies, connections and processes over real sockets', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('refuses a 64 MiB login body from its Content-Length, without reading it', async () => {
    const t = await appWith({});
    const server = await serveApp(t.app);
    closers.push(server.close);
    // Only 1 KiB of the announced 64 MiB is ever sent: the answer cannot wait for the rest.
    const head = await rawHead(
      server.url,
      'POST /admin/api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `X-Alfie-Admin: 1\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`,
      Buffer.alloc(1024, 0x20),
    );
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head.toLowerCase()).toContain('connection: close');
  });

  it('serves the next request on a kept-alive connection after a 413', async () => {
    const t = await appWith({});
    const server = await serveApp(t.app);
    closers.push(server.close);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    closers.push(async () => agent.destroy());
    const big = Buffer.alloc(300 * 1024, 0x20);
    for (const chunked of [false, true]) {
      expect(await get(agent, server.url, '/v1/health')).toBe(200);
      const refused = await post(agent, server.url, '/admin/api/session', big, chunked);
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.text).error.code).toBe('VALIDATION_FAILED');
      expect(refused.headers.connection).toBe('close');
      expect(await get(agent, server.url, '/v1/health')).toBe(200);
    }
  });

  it('two API processes on one database share one limit', async () => {
    const t = await appWith({});
    const dir = mkdtempSync(join(tmpdir(), 'alfie-limits-'));
    const children: Child[] = [];
    closers.push(async () => {
      await Promise.all(children.map((c) => killChild(c, 'SIGKILL')));
      rmSync(dir, { recursive: true, force: true });
    });
    const env = {
      DATABASE_URL: t.db.url!,
      CHILD_JWT_SECRET: TEST_JWT_SECRET,
      CHILD_DATA_DIR: dir,
      RATE_LIMIT_USER: '10',
      ...DAY_WINDOW,
    };
    for (let i = 0; i < 2; i++) children.push(spawnChild('../http/limits-api-child.ts', env));
    const ports = (await Promise.all(children.map((c) => c.ready))).map((line) => line.split(' ')[1]);
    const alice = await t.createUser();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`http://127.0.0.1:${ports[i % 2]}/v1/brands`, { headers: alice.headers }).then((r) => r.status),
      ),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(10);
    expect(answers.filter((s) => s === 429)).toHaveLength(20);
  });
});
