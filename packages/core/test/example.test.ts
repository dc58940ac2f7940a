/**
 * examples/node-script, run as a user would (a child `node` process importing the built
 * @alfie/core), against the real server: it must print every slide URL and exit 0.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { afterAll, beforeAll, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../examples/node-script/generate-carousel.mjs', import.meta.url));
let real: RealServer;

beforeAll(async () => {
  real = await startRealServer({ db: 'pglite', latencyMs: 50 });
}, 60_000);
afterAll(() => real?.close());

it('examples/node-script prints each slide URL as it arrives and exits 0', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [script, 'Les tendances marketing 2025'], {
    env: {
      ...process.env,
      ALFIE_URL: real.baseUrl,
      ALFIE_TOKEN: real.user.token,
      ALFIE_BRAND: real.brandId,
      ALFIE_SLIDES: '3',
    },
    timeout: 60_000,
  });
  const urls = stdout.match(/http:\/\/\S+\/files\/\S+\.png/g) ?? [];
  expect(urls).toHaveLength(3);
  expect(new Set(urls).size).toBe(3);
  expect(stdout).toContain('Order completed: 3 slide(s).');
  expect(stdout).toMatch(/Images left this month: 147/);
  for (const url of urls) expect((await fetch(url)).status).toBe(200);
}, 90_000);
