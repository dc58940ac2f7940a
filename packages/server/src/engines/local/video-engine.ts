import { simulatedLatency, throwIfAborted } from '../latency.js';
import type { VideoEngine, VideoRequest, VideoResult } from '../types.js';
import { brandColors, toHex } from './colors.js';
import { drawSlide } from './draw-slide.js';
import { resolveFfmpegPath, streamFfmpeg } from './ffmpeg.js';

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
 * The WebM is streamed from ffmpeg's stdout while it encodes: no temporary file, and the upload
 * starts with the first frames. (Checked in Chromium: a WebM muxed to a pipe still reports its
 * duration and seeks, when served with Range support as `filesRoutes` does.)
 *
 * @example
 * const video = await createLocalVideoEngine().generateVideo({ ...request, durationSeconds: 15 });
 */
export function createLocalVideoEngine(options: LocalVideoEngineOptions = {}): VideoEngine {
  const fps = options.fps ?? 24;
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

      const body = await streamFfmpeg({
        ffmpegPath,
        durationSeconds: seconds,
        onProgress: request.onProgress,
        signal: request.signal,
        stdin: poster,
        args: [
          ...['-f', 'png_pipe', '-i', 'pipe:0'],
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
          ...['-f', 'webm', 'pipe:1'],
        ],
      });
      return {
        body,
        mimeType: 'video/webm',
        width,
        height,
        durationSeconds: seconds,
        poster: { body: poster, mimeType: 'image/png' },
      };
    },
  };
}
