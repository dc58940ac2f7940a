import { loadImage } from '@napi-rs/canvas';
import { ProviderError } from '../errors.js';
import { readBody } from '../media-body.js';
import { buildImagePrompt } from '../prompt.js';
import { type InlineRetryOptions, withInlineRetries } from '../retry.js';
import type { ImageEngine, ImageRequest, ImageResult } from '../types.js';
import type { ReplicateClient } from './client.js';
import { mimeFromUrl, type PollOptions, predictionOutput, waitForPrediction } from './prediction.js';

export interface ReplicateImageEngineOptions {
  client: ReplicateClient;
  /** `owner/name` or `owner/name:version`, from ENGINE_IMAGES=replicate:<model>. */
  model: string;
  poll?: PollOptions;
  retry?: Omit<InlineRetryOptions, 'signal'>;
  /** Seconds of `Prefer: wait` on create. Default 60 (the API's maximum). */
  waitSeconds?: number;
}

/**
 * Images from a Replicate model (e.g. `black-forest-labs/flux-schnell`): created in sync mode, then
 * polled if still running; input `{ prompt, aspect_ratio, output_format: 'png' }`, the inputs the
 * common text-to-image models share.
 *
 * @example
 * const engine = createReplicateImageEngine({ client, model: 'black-forest-labs/flux-schnell' });
 */
export function createReplicateImageEngine(options: ReplicateImageEngineOptions): ImageEngine {
  return {
    name: `replicate:${options.model}`,
    async generateImage(request: ImageRequest): Promise<ImageResult> {
      const { signal } = request;
      const input = {
        prompt: buildImagePrompt(request),
        aspect_ratio: request.ratio,
        output_format: 'png',
        ...(request.variant && { seed: request.variant.seed }),
      };
      const created = await withInlineRetries(
        () => options.client.create(options.model, input, { waitSeconds: options.waitSeconds ?? 60, signal }),
        { ...options.retry, signal },
      );
      const done = await waitForPrediction(options.client, created, { ...options.poll, signal });
      const output = await predictionOutput(options.client, done, signal);
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
    },
  };
}
