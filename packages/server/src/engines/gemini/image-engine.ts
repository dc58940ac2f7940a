import type { GenerateContentResponse, GoogleGenAI } from '@google/genai';
import { loadImage } from '@napi-rs/canvas';
import { ProviderError } from '../errors.js';
import { buildImagePrompt } from '../prompt.js';
import { type InlineRetryOptions, withInlineRetries } from '../retry.js';
import type { ImageEngine, ImageRequest, ImageResult } from '../types.js';
import { toProviderError } from './errors.js';

export interface GeminiImageEngineOptions {
  client: GoogleGenAI;
  /** GEMINI_IMAGE_MODEL: `gemini-2.5-flash-image` (default) or `gemini-3-pro-image-preview`. */
  model?: string;
  retry?: Omit<InlineRetryOptions, 'signal'>;
}

export const DEFAULT_GEMINI_IMAGE_MODEL = 'gemini-2.5-flash-image';

const INSIST_ON_IMAGE =
  'Answer with the image itself, as an image part. Do not answer with text only and do not ask questions.';

/**
 * "Nano Banana": images from Gemini's `generateContent` with IMAGE output
 * (https://ai.google.dev/gemini-api/docs/image-generation). The ratio goes in
 * `imageConfig.aspectRatio` (https://googleapis.github.io/js-genai/release_docs/interfaces/types.ImageConfig.html;
 * the image models take 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9 and 21:9, so all six of ours), and the
 * image comes back as an `inlineData` part (base64), decoded here and never stored as such.
 *
 * Failures: a `promptFeedback.blockReason`, or a finish reason other than STOP, is a safety block
 * (permanent, reason kept for the user). 429/5xx/timeouts are retryable. A reply without an image
 * gets one more call that insists on an image, then fails.
 *
 * @example
 * const engine = createGeminiImageEngine({ client: createGeminiClient({ apiKey }) });
 */
export function createGeminiImageEngine(options: GeminiImageEngineOptions): ImageEngine {
  const model = options.model ?? DEFAULT_GEMINI_IMAGE_MODEL;
  const call = async (request: ImageRequest, prompt: string) => {
    try {
      return await options.client.models.generateContent({
        model,
        contents: [{ role: 'user', parts: [{ text: prompt }] }],
        config: {
          responseModalities: ['IMAGE'],
          imageConfig: { aspectRatio: request.ratio },
          ...(request.variant && { seed: request.variant.seed }),
          abortSignal: request.signal,
        },
      });
    } catch (error) {
      throw toProviderError(error, request.signal);
    }
  };

  return {
    name: `gemini:${model}`,
    async generateImage(request: ImageRequest): Promise<ImageResult> {
      const prompt = buildImagePrompt(request);
      const retry = { ...options.retry, signal: request.signal };
      for (const text of [prompt, `${prompt}\n${INSIST_ON_IMAGE}`]) {
        const response = await withInlineRetries(() => call(request, text), retry);
        const image = await extractImage(response);
        if (image) return image;
      }
      throw new ProviderError('Gemini answered twice without an image', {
        retryable: false,
        reason: 'NO_IMAGE',
      });
    },
  };
}

/** The first image part of the first candidate, or null when the reply has none. Throws on a block. */
async function extractImage(response: GenerateContentResponse): Promise<ImageResult | null> {
  const feedback = response.promptFeedback;
  if (feedback?.blockReason) {
    const detail = feedback.blockReasonMessage ? `: ${feedback.blockReasonMessage}` : '';
    throw new ProviderError(`Gemini blocked the prompt (${feedback.blockReason})${detail}`, {
      retryable: false,
      reason: 'SAFETY_BLOCK',
    });
  }
  const candidate = response.candidates?.[0];
  const finish = candidate?.finishReason;
  // NO_IMAGE is the model declining to draw, not a policy block: handled like an empty reply.
  if (finish && finish !== 'STOP' && finish !== 'NO_IMAGE' && finish !== 'FINISH_REASON_UNSPECIFIED') {
    const detail = candidate?.finishMessage ? `: ${candidate.finishMessage}` : '';
    throw new ProviderError(`Gemini stopped with ${finish}${detail}`, {
      retryable: false,
      reason: 'SAFETY_BLOCK',
    });
  }
  const part = candidate?.content?.parts?.find(
    (p) => p.inlineData?.data && p.inlineData.mimeType?.startsWith('image/'),
  );
  if (!part?.inlineData?.data) return null;
  const body = Buffer.from(part.inlineData.data, 'base64');
  const decoded = await loadImage(body).catch((cause) => {
    throw new ProviderError('Gemini sent image bytes that do not decode', {
      retryable: true,
      reason: 'MALFORMED_RESPONSE',
      cause,
    });
  });
  return { body, mimeType: part.inlineData.mimeType!, width: decoded.width, height: decoded.height };
}
