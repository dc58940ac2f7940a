import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { EngineError } from '../errors.js';
import { abortError } from '../latency.js';

/**
 * Path of the ffmpeg binary: FFMPEG_PATH when set, else the one @ffmpeg-installer/ffmpeg ships
 * inside its npm package (so a fresh install needs nothing from the system). Loaded lazily: the
 * package throws at import time on platforms it has no binary for, which must not break the API.
 */
export function resolveFfmpegPath(env: Record<string, string | undefined> = process.env): string {
  if (env.FFMPEG_PATH) return env.FFMPEG_PATH;
  const require = createRequire(import.meta.url);
  try {
    return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch (cause) {
    throw new EngineError('No ffmpeg binary for this platform: set FFMPEG_PATH', {
      retryable: false,
      reason: 'NO_FFMPEG',
      cause,
    });
  }
}

export interface RunFfmpegOptions {
  ffmpegPath: string;
  args: string[];
  /** Length of the output in seconds, to turn `-progress` times into 0..1. */
  durationSeconds: number;
  onProgress?: (progress: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs ffmpeg with `-progress pipe:1` and reports progress from its `out_time_us=` lines.
 * Aborting kills the process at once (SIGKILL: a cancelled order must free the CPU now).
 */
export function runFfmpeg(options: RunFfmpegOptions): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const child = spawn(
      options.ffmpegPath,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', ...options.args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let pending = '';
    let lastReported = -1;
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_(?:us|ms)=(\d+)/.exec(line);
        if (!match || !options.onProgress) continue;
        // ffmpeg 4.x writes microseconds under both names (out_time_ms is a historical misnomer).
        const progress = Math.min(1, Number(match[1]) / 1e6 / options.durationSeconds);
        if (progress > lastReported) {
          lastReported = progress;
          options.onProgress(progress);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', (cause) => {
      signal?.removeEventListener('abort', onAbort);
      reject(
        new EngineError(`ffmpeg could not start: ${cause.message}`, {
          retryable: false,
          reason: 'NO_FFMPEG',
          cause,
        }),
      );
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(abortError(signal));
      if (code === 0) {
        if (lastReported < 1) options.onProgress?.(1);
        return resolve();
      }
      reject(
        new EngineError(`ffmpeg failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`, {
          retryable: true,
          reason: 'ENCODER_FAILED',
        }),
      );
    });
  });
}
