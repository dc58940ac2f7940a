import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private temporary directory, and a way to remove it whatever happened. */
export async function makeTempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Streams a finished file, then runs `cleanup` (removing its temporary directory) once the reader
 * is done or stops early, so a rendered video never stays on disk nor in memory.
 */
export async function* streamFileThen(path: string, cleanup: () => Promise<void>): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path)) yield chunk as Uint8Array;
  } finally {
    await cleanup();
  }
}
