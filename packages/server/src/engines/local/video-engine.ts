import { join } from 'node:path';
import { simulatedLatency, throwIfAborted } from '../latency.js';
import type { VideoEngine, VideoRequest, VideoResult } from '../types.js';
import { brandColors, toHex } from './colors.js';
import { drawSlide } from './draw-slide.js';
import { resolveFfmpegPath, streamFfmpeg } from './ffmpeg.js';
import { makeTempDir, streamFileThen } from './file-body.js';
import { encoderArgs, type LocalVideoFormat, MIME_TYPE } from './video-encoding.js';

export interface LocalVideoEngineOptions {
  latencyMs?: number;
  /** Frames per second; modest by default so a 1080×1920 render stays fast on 2 cores. */
  fps?: number;
  ffmpegPath?: string;
  /** `mp4` (H.264 + silent AAC, the default: what social networks take) or `webm` (VP8). */
  format?: LocalVideoFormat;
}

/**
 * The embedded, offline video engine: the brand-styled poster (same drawing as the image engine)
 * held on screen while an accent bar sweeps across the bottom, encoded by the ffmpeg binary
 * shipped in @ffmpeg-installer/ffmpeg (see video-encoding.ts for the codecs).
 *
 * WebM is streamed from ffmpeg's stdout while it encodes. MP4 cannot be: `+faststart` moves the
 * index to the front once the media is written, which needs a seekable file. So it is encoded to
 * a private temporary file, then streamed from there and the file removed: still never in memory.
 *
 * @example
 * const video = await createLocalVideoEngine().generateVideo({ ...request, durationSeconds: 15 });
 */
export function createLocalVideoEngine(options: LocalVideoEngineOptions = {}): VideoEngine {
  const fps = options.fps ?? 24;
  const format = options.format ?? 'mp4';
  return {
    name: 'local',
    async generateVideo(request: VideoRequest): Promise<VideoResult> {
      throwIfAborted(request.signal);
      // The poster is drawn while the simulated latency runs (see the image engine); the encode
      // starts after it, since its output streams straight to storage.
      const latency = simulatedLatency(options.latencyMs ?? 0, request.signal);
      latency.catch(() => {});
      const ffmpegPath = options.ffmpegPath ?? resolveFfmpegPath();
      const { width, height, durationSeconds: seconds } = request;
      const [poster] = await Promise.all([
        drawSlide({
          width,
          height,
          topic: request.topic,
          brand: request.brand,
          badge: `${seconds} s`,
        }).encode('png'),
        latency,
      ]);
      throwIfAborted(request.signal);
      const accent = toHex(brandColors(request.brand.palette)[1]!).slice(1);
      const barHeight = Math.max(8, Math.round(Math.min(width, height) * 0.015));
      const inputs = [
        ...['-f', 'png_pipe', '-i', 'pipe:0'],
        ...['-f', 'lavfi', '-i', `color=c=0x${accent}:s=${width}x${barHeight}:r=${fps}:d=${seconds}`],
        ...['-f', 'lavfi', '-i', 'anullsrc=channel_layout=stereo:sample_rate=48000'],
        // Decode and convert the poster once, then repeat that frame: far cheaper than
        // re-reading the PNG for every frame with `-loop 1`.
        '-filter_complex',
        `[0:v]format=yuv420p,loop=loop=-1:size=1:start=0,setpts=N/${fps}/TB[bg];` +
          `[bg][1:v]overlay=x='-w+W*t/${seconds}':y=H-h:shortest=1:format=yuv420[out]`,
        ...['-t', String(seconds), '-r', String(fps)],
        ...encoderArgs(format, fps),
      ];
      const encode = (output: string) =>
        streamFfmpeg({
          ffmpegPath,
          durationSeconds: seconds,
          onProgress: request.onProgress,
          signal: request.signal,
          stdin: poster,
          args: [...inputs, output],
        });

      let body: AsyncIterable<Uint8Array>;
      if (format === 'webm') {
        body = await encode('pipe:1');
      } else {
        const temp = await makeTempDir('alfie-video-');
        const file = join(temp.dir, 'video.mp4');
        try {
          // Nothing comes out on stdout: draining waits for ffmpeg and throws if it failed.
          for await (const _ of await encode(file));
        } catch (error) {
          await temp.remove();
          throw error;
        }
        body = streamFileThen(file, temp.remove);
      }
      return {
        body,
        mimeType: MIME_TYPE[format],
        width,
        height,
        durationSeconds: seconds,
        poster: { body: poster, mimeType: 'image/png' },
      };
    },
  };
}
