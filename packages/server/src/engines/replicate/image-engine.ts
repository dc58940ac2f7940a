import { loadImage } from '@napi-rs/canvas';
import { ProviderError } from '../errors.js';
import { readBody } from '../media-body.js';
import { buildImagePrompt } from '../prompt.js';
import { type InlineRetryOptions, withInlineRetries } from '../retry.js';
import type { ImageEngine, ImageRequest, ImageResult, ParkableImageEngine } from '../types.js';
import { type Prediction, type ReplicateClient, TERMINAL_STATUSES } from './client.js';
import {
  currentPrediction,
  mimeFromUrl,
  type PollOptions,
  predictionOutput,
  waitForPrediction,
} from './prediction.js';

export interface ReplicateImageEngineOptions {
  client: ReplicateClient;
  /** `owner/name` or `owner/name:version`, from ENGINE_IMAGES=replicate:<model>. */
  model: string;
  poll?: PollOptions;
  retry?: Omit<InlineRetryOptions, 'signal'>;
  /** Seconds of `Prefer: wait` on create. Default 60 (the API's maximum). */
  waitSeconds?: number;
  /**
   * Public URL of POST /v1/webhooks/replicate. Set, the engine is parkable: `startImage` creates
   * the prediction with this webhook and returns at once, and the worker parks the job on it.
   */
  webhookUrl?: string;
}

/**
 * Images from a Replicate model (e.g. `black-forest-labs/flux-schnell`); input `{ prompt,
 * aspect_ratio, output_format: 'png' }`, the inputs the common text-to-image models share.
 * Without a webhook URL, `generateImage` creates in sync mode and polls inside the worker. With
 * one, the engine also has `startImage`/`checkImage`/`cancelImage`, so the job parks while
 * Replicate renders and each slide is delivered when its webhook (or the scheduled poll) comes.
 *
 * @example
 * const engine = createReplicateImageEngine({ client, model: 'black-forest-labs/flux-schnell' });
 */
export function createReplicateImageEngine(
  options: ReplicateImageEngineOptions & { webhookUrl: string },
): ParkableImageEngine;
export function createReplicateImageEngine(options: ReplicateImageEngineOptions): ImageEngine;
export function createReplicateImageEngine(options: ReplicateImageEngineOptions): ImageEngine {
  const { client } = options;
  const inputOf = (request: ImageRequest) => ({
    prompt: buildImagePrompt(request),
    aspect_ratio: request.ratio,
    output_format: 'png',
    ...(request.variant && { seed: request.variant.seed }),
  });
  const create = (request: ImageRequest, create: { waitSeconds?: number; webhook?: string }) =>
    withInlineRetries(
      () => client.create(options.model, inputOf(request), { ...create, signal: request.signal }),
      { ...options.retry, signal: request.signal },
    );

  async function toResult(done: Prediction, signal?: AbortSignal): Promise<ImageResult> {
    const output = await predictionOutput(client, done, signal);
    // An image is small: read it whole to learn its real size (models round the ratio to their grid).
    const bytes = await readBody(output.body);
    const decoded = await loadImage(bytes).catch((cause) => {
      throw new ProviderError('Replicate output is not a readable image', {
        retryable: false,
        reason: 'MALFORMED_RESPONSE',
        cause,
      });
    });
    const outputUrl = Array.isArray(done.output) ? done.output[0] : done.output;
    return {
      body: bytes,
      mimeType: output.contentType?.split(';')[0] || mimeFromUrl(outputUrl, 'image/png'),
      width: decoded.width,
      height: decoded.height,
    };
  }

  const engine: ImageEngine = {
    name: `replicate:${options.model}`,
    async generateImage(request: ImageRequest): Promise<ImageResult> {
      const created = await create(request, { waitSeconds: options.waitSeconds ?? 60 });
      const done = await waitForPrediction(client, created, { ...options.poll, signal: request.signal });
      return toResult(done, request.signal);
    },
  };
  const webhook = options.webhookUrl;
  if (!webhook) return engine;
  const parkable: ParkableImageEngine = {
    ...engine,
    async startImage(request) {
      const created = await create(request, { webhook });
      return { provider: 'replicate', ref: created.id };
    },
    async checkImage(ref, request, snapshot) {
      const prediction = await currentPrediction(client, ref, snapshot, request.signal);
      if (!TERMINAL_STATUSES.has(prediction.status)) return { status: 'pending' };
      return { status: 'done', result: await toResult(prediction, request.signal) };
    },
    async cancelImage(ref) {
      await client.cancel(ref);
    },
  };
  return parkable;
}
