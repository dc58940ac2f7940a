import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './start-cli.js';

/** The listening socket's queue, as the kernel reports it: `ss` shows it as Send-Q of a LISTEN row. */
function listenQueue(port: string): number {
  const line = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' }).trim();
  return Number(line.split(/\s+/)[2]);
}

describe('alfie-server start listens with LISTEN_BACKLOG', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('passes the configured backlog to the listening socket', async () => {
    const cliRun = await startCli(cleanups, 'alfie-backlog-', { LISTEN_BACKLOG: '1234' });
    await expect.poll(cliRun.stdout, { timeout: 30_000, interval: 100 }).toContain('Alfie is running at');
    const stdout = cliRun.stdout();
    const port = /Alfie is running at http:\/\/[^:]+:(\d+)/.exec(stdout)?.[1];
    expect(port, stdout).toBeTruthy();
    // Node's default would be 511; the kernel caps the value at net.core.somaxconn (4096 here).
    expect(listenQueue(port!)).toBe(1234);
  }, 60_000);
});
