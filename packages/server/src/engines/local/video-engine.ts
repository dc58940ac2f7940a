import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulatedLatency, throwIfAborted } from '../latency.js';
import type { VideoEngine, VideoRequest, VideoResult } from '../types.js';
import { brandColors, toHex } from './colors.js';
import { drawSlide } from './draw-slide.js';
import { resolveFfmpegPath, runFfmpeg } from './ffmpeg.js';

export interface LocalVideoEngineOptions {
  latencyMs?: number;
  /** Frames per second; modest by default so a 1080×1920 render stays fast on 2 cores. */
  fps?: number;
  ffmpegPath?: string;
}

/**
 * The embedded, offline video engine: the brand-styled poster (same drawing as the image engine)
 * held on screen while an accent bar sweeps across the bottom, encoded as VP8 WebM by the ffmpeg
 * binary shipped in @ffmpeg-installer/ffmpeg. VP8/WebM plays in every Chromium build (H.264 needs
 * proprietary codecs, which Debian's Chromium may lack).
 *
 * ffmpeg writes to a temporary file, not to stdout: on a non-seekable output the WebM muxer cannot
 * go back to write the duration and the cue index, and Chromium then reports `duration = Infinity`
 * and cannot seek. The file is streamed to the caller and deleted once read.
 *
 * @example
 * const video = await createLocalVideoEngine().generateVideo({ ...request, durationSeconds: 15 });
 */
export function createLocalVideoEngine(options: LocalVideoEngineOptions = {}): VideoEngine {
  const fps = options.fps ?? 24;
  return {
    name: 'local',
    async generateVideo(request: VideoRequest): Promise<VideoResult> {
      await simulatedLatency(options.latencyMs ?? 0, request.signal);
      throwIfAborted(request.signal);
      const ffmpegPath = options.ffmpegPath ?? resolveFfmpegPath();
      const { width, height, durationSeconds: seconds } = request;
      const poster = await drawSlide({
        width,
        height,
        topic: request.topic,
        brand: request.brand,
        badge: `${seconds} s`,
      }).encode('png');
      const accent = toHex(brandColors(request.brand.palette)[1]!).slice(1);
      const barHeight = Math.max(8, Math.round(Math.min(width, height) * 0.015));

      const dir = await mkdtemp(join(tmpdir(), 'alfie-video-'));
      const output = join(dir, 'video.webm');
      try {
        await writeFile(join(dir, 'poster.png'), poster);
        await runFfmpeg({
          ffmpegPath,
          durationSeconds: seconds,
          onProgress: request.onProgress,
          signal: request.signal,
          args: [
            ...['-i', join(dir, 'poster.png')],
            ...['-f', 'lavfi', '-i', `color=c=0x${accent}:s=${width}x${barHeight}:r=${fps}:d=${seconds}`],
            // Decode and convert the poster once, then repeat that frame: far cheaper than
            // re-reading the PNG for every frame with `-loop 1`.
            '-filter_complex',
            `[0:v]format=yuv420p,loop=loop=-1:size=1:start=0,setpts=N/${fps}/TB[bg];` +
              `[bg][1:v]overlay=x='-w+W*t/${seconds}':y=H-h:shortest=1:format=yuv420`,
            ...['-t', String(seconds), '-r', String(fps), '-an'],
            // Realtime VP8: static-thresh skips unchanged blocks, which is most of each frame here.
            ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '16', '-static-thresh', '1000'],
            // qmax caps quantisation so the gradient does not band; keyframes every 4 s keep seeks quick.
            ...['-b:v', '2M', '-qmax', '24', '-g', String(fps * 4), '-auto-alt-ref', '0', '-threads', '2'],
            ...['-f', 'webm', '-y', output],
          ],
        });
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      return {
        body: streamThenDelete(output, dir),
        mimeType: 'video/webm',
        width,
        height,
        durationSeconds: seconds,
        poster: { body: poster, mimeType: 'image/png' },
      };
    },
  };
}

/** Streams a finished file, then removes its temporary directory (also when the reader stops early). */
async function* streamThenDelete(file: string, dir: string): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of createReadStream(file)) yield chunk as Buffer;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
