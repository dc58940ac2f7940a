import { readBody } from '../media-body.js';
import { buildImagePrompt } from '../prompt.js';
import { type InlineRetryOptions, withInlineRetries } from '../retry.js';
import type {
  ImageEngine,
  ParkableVideoEngine,
  RemoteRender,
  RemoteRenderState,
  VideoRequest,
  VideoResult,
} from '../types.js';
import type { Prediction, ReplicateClient } from './client.js';
import { TERMINAL_STATUSES } from './client.js';
import {
  currentPrediction,
  mimeFromUrl,
  type PollOptions,
  predictionOutput,
  waitForPrediction,
} from './prediction.js';

export interface ReplicateVideoEngineOptions {
  client: ReplicateClient;
  /** `owner/name` or `owner/name:version`, from ENGINE_VIDEO=replicate:<model>. */
  model: string;
  /**
   * Draws the first frame (image→video): its PNG goes to the model as `start_image` (a data URL)
   * and becomes the poster. Usually the local engine, so the video opens on the brand's slide.
   */
  firstFrame?: ImageEngine;
  /** Public URL of POST /v1/webhooks/replicate; set, `startVideo` asks Replicate to call it. */
  webhookUrl?: string;
  poll?: PollOptions;
  retry?: Omit<InlineRetryOptions, 'signal'>;
}

/**
 * Videos from a Replicate model (image→video models such as `kwaivgi/kling-v2.1` or
 * `wan-video/wan-2.2-i2v-fast`), input `{ prompt, aspect_ratio, duration, start_image? }`.
 * `generateVideo` creates then polls; `startVideo`/`checkVideo` let the worker park the job while
 * Replicate renders and resume it from the webhook (or a scheduled poll).
 *
 * @example
 * const engine = createReplicateVideoEngine({ client, model: 'kwaivgi/kling-v2.1', firstFrame: localImages });
 */
export function createReplicateVideoEngine(options: ReplicateVideoEngineOptions): ParkableVideoEngine {
  const { client } = options;
  const posters = new Map<string, Buffer>();

  /** The brand-styled first frame's bytes (the local first-frame engine is deterministic). */
  async function drawFirstFrame(
    request: VideoRequest,
  ): Promise<{ bytes: Buffer; mimeType: string } | undefined> {
    if (!options.firstFrame) return undefined;
    const frame = await options.firstFrame.generateImage({ ...request, slide: undefined });
    return { bytes: await readBody(frame.body), mimeType: frame.mimeType };
  }

  async function buildInput(request: VideoRequest) {
    const input: Record<string, unknown> = {
      prompt: buildImagePrompt(request),
      aspect_ratio: request.ratio,
      duration: request.durationSeconds,
    };
    const frame = await drawFirstFrame(request);
    if (frame) input.start_image = `data:${frame.mimeType};base64,${frame.bytes.toString('base64')}`;
    return { input, poster: frame?.bytes };
  }

  async function toResult(
    prediction: Prediction,
    request: VideoRequest,
    poster?: Buffer,
  ): Promise<VideoResult> {
    const output = await predictionOutput(client, prediction, request.signal);
    const outputUrl = Array.isArray(prediction.output) ? prediction.output[0] : prediction.output;
    request.onProgress?.(1);
    return {
      body: output.body,
      mimeType: output.contentType?.split(';')[0] || mimeFromUrl(outputUrl, 'video/mp4'),
      // The model's own frame size is only known by probing the file; we report what was asked.
      width: request.width,
      height: request.height,
      durationSeconds: request.durationSeconds,
      poster: poster ? { body: poster, mimeType: 'image/png' } : undefined,
    };
  }

  const create = async (request: VideoRequest, input: Record<string, unknown>, webhook?: string) =>
    withInlineRetries(() => client.create(options.model, input, { webhook, signal: request.signal }), {
      ...options.retry,
      signal: request.signal,
    });

  return {
    name: `replicate:${options.model}`,
    async generateVideo(request: VideoRequest): Promise<VideoResult> {
      const { input, poster } = await buildInput(request);
      const created = await create(request, input);
      const started = Date.now();
      const done = await waitForPrediction(client, created, {
        ...options.poll,
        signal: request.signal,
        // Replicate gives no percentage: report elapsed time against the timeout, capped below 1.
        onPoll: () =>
          request.onProgress?.(Math.min(0.95, (Date.now() - started) / (options.poll?.timeoutMs ?? 600_000))),
      });
      return toResult(done, request, poster);
    },
    async startVideo(request: VideoRequest): Promise<RemoteRender> {
      const { input, poster } = await buildInput(request);
      const created = await create(request, input, options.webhookUrl);
      if (poster) posters.set(created.id, poster);
      return { provider: 'replicate', ref: created.id };
    },
    async checkVideo(ref: string, request: VideoRequest, snapshot?: unknown): Promise<RemoteRenderState> {
      const prediction = await currentPrediction(client, ref, snapshot, request.signal);
      if (!TERMINAL_STATUSES.has(prediction.status)) return { status: 'pending' };
      // A parked job may resume in another process than the one that started the render: the
      // first frame is drawn again there (same input, same pixels) rather than lost as the poster.
      const poster =
        posters.get(ref) ??
        (prediction.status === 'succeeded' ? (await drawFirstFrame(request))?.bytes : undefined);
      posters.delete(ref);
      return { status: 'done', result: await toResult(prediction, request, poster) };
    },
    async cancelVideo(ref: string): Promise<void> {
      posters.delete(ref);
      await client.cancel(ref);
    },
  };
}
