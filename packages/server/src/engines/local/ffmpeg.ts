import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { ProviderError } from '../errors.js';
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
    throw new ProviderError('No ffmpeg binary for this platform: set FFMPEG_PATH', {
      retryable: false,
      reason: 'NO_FFMPEG',
      cause,
    });
  }
}

export interface FfmpegStreamOptions {
  ffmpegPath: string;
  /**
   * Arguments after the fixed prefix, ending with the output: `pipe:1` to stream it, or a file path
   * (stdout then stays empty and the stream ends when ffmpeg has exited successfully).
   */
  args: string[];
  /** Written to ffmpeg's stdin (read by an `-i pipe:0` input), then closed. */
  stdin?: Uint8Array;
  /** Length of the output in seconds, to turn `-progress` times into 0..1. */
  durationSeconds: number;
  onProgress?: (progress: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs ffmpeg and streams its stdout. Progress comes from `-progress pipe:3` (`out_time_us=`
 * lines on a file descriptor of its own, so stdout carries only the media and stderr only errors).
 * Resolves once the first bytes are out, so a failure to start is thrown here, not mid-upload;
 * a later failure (non-zero exit) is thrown by the stream. Aborting kills ffmpeg at once (SIGKILL:
 * a canceled order must free the CPU now) and the stream throws an ABORTED ProviderError.
 *
 * @example
 * const body = await streamFfmpeg({ ffmpegPath, args: [...inputs, '-f', 'webm', 'pipe:1'], durationSeconds: 8 });
 */
export async function streamFfmpeg(options: FfmpegStreamOptions): Promise<AsyncIterable<Uint8Array>> {
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  const child = spawn(
    options.ffmpegPath,
    ['-hide_banner', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:3', ...options.args],
    { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] },
  );
  // -nostdin only stops ffmpeg reading keys from the terminal; `-i pipe:0` still reads stdin.
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.stdin);

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk;
  });
  watchProgress(child.stdio[3] as Readable, options);

  const onAbort = () => child.kill('SIGKILL');
  signal?.addEventListener('abort', onAbort, { once: true });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (cause) =>
      reject(
        new ProviderError(`ffmpeg could not start: ${cause.message}`, {
          retryable: false,
          reason: 'NO_FFMPEG',
          cause,
        }),
      ),
    );
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(code);
    });
  });
  exited.catch(() => undefined);

  const failure = async (): Promise<ProviderError> => {
    const code = await exited.catch((error: ProviderError) => error);
    if (code instanceof ProviderError) return code;
    if (signal?.aborted) return abortError(signal);
    const detail = stderr.trim().split('\n').slice(-3).join(' | ');
    return new ProviderError(`ffmpeg failed (exit ${code}): ${detail}`, {
      retryable: true,
      reason: 'ENCODER_FAILED',
    });
  };

  const chunks = child.stdout[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next().catch(() => ({ done: true, value: undefined }) as const);
  if (first.done) {
    // Nothing was written: either an error, or (never for our args) an empty output.
    const code = await exited.catch(() => -1);
    if (code !== 0 || signal?.aborted) throw await failure();
  }

  return (async function* () {
    try {
      if (!first.done) yield first.value;
      for (;;) {
        const next = await chunks.next().catch(() => ({ done: true, value: undefined }) as const);
        if (next.done) break;
        yield next.value;
      }
      const code = await exited.catch(() => -1);
      if (code !== 0 || signal?.aborted) throw await failure();
      options.onProgress?.(1);
    } finally {
      // The reader stopped early (an upload failed): do not leave ffmpeg blocked on a full pipe.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  })();
}

function watchProgress(stream: Readable, options: FfmpegStreamOptions): void {
  let pending = '';
  let lastReported = -1;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^out_time_(?:us|ms)=(\d+)/.exec(line);
      if (!match || !options.onProgress) continue;
      // ffmpeg 4.x writes microseconds under both names (out_time_ms is a historical misnomer).
      // Capped below 1: 1 is reported once the output is complete.
      const progress = Math.min(0.99, Number(match[1]) / 1e6 / options.durationSeconds);
      if (progress > lastReported) {
        lastReported = progress;
        options.onProgress(progress);
      }
    }
  });
  stream.on('error', () => undefined);
}
