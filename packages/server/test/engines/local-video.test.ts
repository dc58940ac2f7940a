import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launchChromium } from '@alfie/test-kit/chromium';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATIO_SIZES } from '../../src/engines/index.js';
import { resolveFfmpegPath } from '../../src/engines/local/ffmpeg.js';
import { createLocalVideoEngine } from '../../src/engines/local/video-engine.js';
import { readBody } from '../../src/engines/media-body.js';
import { filesRoutes } from '../../src/http/routes/files.js';
import { createLocalStorage } from '../../src/storage/local-storage.js';
import { brand, pngSize } from './fixtures.js';

const engine = createLocalVideoEngine();

/**
 * What ffmpeg itself reads back from a file: `Duration: 00:00:04.00`, the video stream's codec,
 * pixel format and size, the audio stream if any, and whether the index (moov) precedes the media.
 */
async function probe(file: string) {
  const output = await promisify(execFile)(resolveFfmpegPath(), ['-hide_banner', '-v', 'trace', '-i', file], {
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    () => '',
    (error: { stderr: string }) => error.stderr, // `ffmpeg -i` without an output exits 1 after printing
  );
  const duration = /Duration: (\d+):(\d+):([\d.]+)/.exec(output);
  const stream = /Video: (\w+).*?\b(yuv\w+|rgb\w+|nv12).*?, (\d+)x(\d+)/.exec(output);
  if (!duration || !stream) throw new Error(`ffmpeg could not read ${file}: ${output.slice(-2000)}`);
  const audio = /Audio: (\w+).*?(\d+) Hz, (\w+)/.exec(output);
  const moov = output.indexOf("type:'moov'");
  const mdat = output.indexOf("type:'mdat'");
  return {
    seconds: Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]),
    codec: stream[1]!,
    pixelFormat: stream[2]!,
    width: Number(stream[3]),
    height: Number(stream[4]),
    audio: audio ? { codec: audio[1]!, sampleRate: Number(audio[2]), layout: audio[3]! } : null,
    faststart: moov >= 0 && mdat >= 0 ? moov < mdat : null,
  };
}

const videoTempDirs = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('alfie-video-'));

describe('local video engine', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alfie-video-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('renders a 9:16 MP4 (H.264, yuv420p, faststart, silent AAC) of the requested duration, with progress and a poster', async () => {
    const progress: number[] = [];
    const before = await videoTempDirs();
    const result = await engine.generateVideo({
      topic: 'Trois rituels pour un café parfait',
      ratio: '9:16',
      ...RATIO_SIZES['9:16'],
      durationSeconds: 6,
      brand,
      onProgress: (p) => progress.push(p),
    });
    const file = join(dir, 'portrait.mp4');
    const bytes = await readBody(result.body);
    await writeFile(file, bytes);
    expect(result).toMatchObject({ mimeType: 'video/mp4', width: 1080, height: 1920, durationSeconds: 6 });
    const probed = await probe(file);
    expect(probed).toMatchObject({ codec: 'h264', pixelFormat: 'yuv420p', width: 1080, height: 1920 });
    expect(probed.seconds).toBeCloseTo(6, 1);
    expect(probed.audio).toEqual({ codec: 'aac', sampleRate: 48000, layout: 'stereo' });
    expect(probed.faststart).toBe(true);
    // A still poster with a sweeping bar: small, but a real encode (not an empty container).
    expect(bytes.byteLength).toBeGreaterThan(20_000);
    expect(bytes.byteLength).toBeLessThan(3_000_000);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(pngSize(await readBody(result.poster!.body))).toEqual({ width: 1080, height: 1920 });
    // The temporary file the MP4 was encoded to is gone once the body was read.
    const after = await videoTempDirs();
    expect(after.filter((name) => !before.includes(name))).toEqual([]);
  });

  it('still writes VP8 WebM (no audio) when LOCAL_VIDEO_FORMAT=webm', async () => {
    const webm = createLocalVideoEngine({ format: 'webm' });
    const result = await webm.generateVideo({
      topic: 'WebM',
      ratio: '1:1',
      ...RATIO_SIZES['1:1'],
      durationSeconds: 4,
      brand,
    });
    const file = join(dir, 'square.webm');
    await writeFile(file, await readBody(result.body));
    expect(result.mimeType).toBe('video/webm');
    expect(await probe(file)).toMatchObject({ codec: 'vp8', width: 1080, height: 1080, audio: null });
  });

  it('kills ffmpeg when aborted, before or while streaming', async () => {
    const controller = new AbortController();
    const run = async () => {
      const result = await engine.generateVideo({
        topic: 'Long',
        ratio: '16:9',
        ...RATIO_SIZES['16:9'],
        durationSeconds: 60,
        brand,
        signal: controller.signal,
        onProgress: (p) => p > 0.02 && controller.abort(),
      });
      await readBody(result.body);
    };
    const started = Date.now();
    await expect(run()).rejects.toMatchObject({ reason: 'ABORTED' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('fails with a retryable ENCODER_FAILED when ffmpeg exits with an error', async () => {
    const broken = createLocalVideoEngine({ fps: -5 });
    const run = async () => {
      const result = await broken.generateVideo({
        topic: 'x',
        ratio: '1:1',
        ...RATIO_SIZES['1:1'],
        durationSeconds: 4,
        brand,
      });
      await readBody(result.body);
    };
    await expect(run()).rejects.toMatchObject({ reason: 'ENCODER_FAILED', retryable: true });
  });

  it('plays in Chromium: canplay, duration, size, and seeking through the files route', async () => {
    const dataDir = join(dir, 'data');
    const result = await engine.generateVideo({
      topic: 'Landscape',
      ratio: '16:9',
      ...RATIO_SIZES['16:9'],
      durationSeconds: 4,
      brand,
    });
    const app = new Hono();
    app.route('/', filesRoutes({ dataDir }));
    app.get('/', (c) => c.html('<!doctype html><video id="v" muted preload="auto"></video>'));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const storage = createLocalStorage({ dataDir, publicUrl: `http://127.0.0.1:${port}` });
    const stored = await storage.put({
      publicId: 'alfie/brand/order/video-1',
      body: result.body,
      contentType: result.mimeType,
      resourceType: 'video',
      tags: [],
      poster: result.poster && { body: result.poster.body, contentType: result.poster.mimeType },
    });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const seen = await page.evaluate(async (src) => {
        const video = document.getElementById('v') as HTMLVideoElement;
        const canPlay = new Promise((resolve, reject) => {
          video.addEventListener('canplay', resolve, { once: true });
          video.addEventListener('error', () => reject(new Error(`media error ${video.error?.code}`)), {
            once: true,
          });
        });
        video.src = src;
        await canPlay;
        const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
        video.currentTime = 3.5;
        await seeked;
        await video.play();
        return {
          duration: video.duration,
          width: video.videoWidth,
          height: video.videoHeight,
          at: video.currentTime,
        };
      }, stored.url);
      expect(seen.duration).toBeCloseTo(4, 1);
      expect([seen.width, seen.height]).toEqual([1920, 1080]);
      expect(seen.at).toBeGreaterThanOrEqual(3.4);
      const poster = await fetch(stored.thumbnailUrl!);
      expect(poster.headers.get('content-type')).toBe('image/png');
    } finally {
      await browser.close();
      server.close();
    }
  }, 60_000);
});
