import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SERVER_ROOT = join(here, '..', '..');

export interface Child {
  process: ChildProcess;
  /** Resolves with the child's first line matching `pattern`. */
  ready: Promise<string>;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns a TypeScript file of this folder in its own Node process (tsx), with extra env. */
export function spawnChild(file: string, env: Record<string, string>, readyPattern = /^ready\b.*$/m): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, file)], {
    cwd: SERVER_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = readyPattern.exec(out);
      if (match) resolve(match[0]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before ready:\n${out}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, ready, output: () => out, exited };
}

export async function killChild(child: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill(signal);
  await child.exited;
}
