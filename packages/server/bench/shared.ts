import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPgDb } from '../src/db/pg.js';

const here = dirname(fileURLToPath(import.meta.url));
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A dedicated, throwaway database for one bench run. */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `alfie_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/**
 * What one bench run owns: its database (with a small pool of its own), a data folder and the child
 * processes it starts. `close` stops the children and removes the rest.
 */
export async function openBenchRun() {
  const bench = await createBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'alfie-bench-'));
  const db = createPgDb({ connectionString: bench.url, max: 4 });
  const children: { stop(): Promise<void> }[] = [];
  return {
    url: bench.url,
    dataDir,
    db,
    children,
    async close() {
      await Promise.all(children.map((c) => c.stop()));
      await db.close();
      await bench.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BenchChild {
  process: ChildProcess;
  ready: Promise<void>;
  onLine(listener: (line: string) => void): void;
  /** Writes a line to the child's stdin. */
  send(line: string): void;
  stop(): Promise<void>;
}

/** Spawns a bench script of this folder (tsx) and waits for its `ready` line. */
export function spawnBench(
  file: string,
  env: Record<string, string>,
  readyLine = /^ready/,
  nodeArgs: string[] = [],
): BenchChild {
  // BENCH_CPU_PROF=<dir>: each bench process writes a V8 CPU profile there (open it in Chrome's
  // DevTools or speedscope) to see where a figure's time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...nodeArgs, '--import', 'tsx', join(here, file)], {
    cwd: join(here, '..'),
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const listeners: ((line: string) => void)[] = [];
  let buffer = '';
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  ready.catch(() => {});
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl = buffer.indexOf('\n');
    while (nl !== -1) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (readyLine.test(line)) resolveReady();
      for (const l of listeners) l(line);
      nl = buffer.indexOf('\n');
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    ready,
    onLine: (listener) => listeners.push(listener),
    send: (line) => child.stdin!.write(`${line}\n`),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux; null elsewhere).
 * Per-request CPU is steadier than requests/s on a shared machine: other load slows a process
 * down without making it do more work.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
// USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK).
const CLOCK_TICKS = 100;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.timeOrigin + performance.now();
export const fmt = (n: number, digits = 1) => n.toFixed(digits);
