import { GenerateVideosOperation, type GoogleGenAI } from '@google/genai';
import { ProviderError } from '../errors.js';
import { abortError, simulatedLatency } from '../latency.js';
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
import { toProviderError } from './errors.js';

export interface VeoEngineOptions {
  /** A Vertex AI client (`vertexai: true`): @google/genai 3.x runs generateVideos on Vertex AI only. */
  client: GoogleGenAI;
  /** VEO_MODEL, default `veo-3.0-fast-generate-001`. */
  model?: string;
  /** Draws the brand-styled first frame the video starts from (image→video), also used as poster. */
  firstFrame?: ImageEngine;
  /** Poll backoff: first delay, doubled up to the max. Defaults 5 s and 30 s. */
  pollInitialMs?: number;
  pollMaxMs?: number;
  /** Give up after this long. Default 10 minutes. */
  timeoutMs?: number;
  retry?: Omit<InlineRetryOptions, 'signal'>;
}

export const DEFAULT_VEO_MODEL = 'veo-3.0-fast-generate-001';
/** Veo renders landscape or portrait clips of 4, 6 or 8 seconds. */
const VEO_RATIOS = new Set(['16:9', '9:16']);
const VEO_MAX_SECONDS = 8;

/**
 * Veo video through @google/genai: `generateVideos` starts a long-running operation, which
 * `operations.getVideosOperation` polls until `done`
 * (https://tessl.io/registry/tessl/npm-google--genai/1.30.0/files/docs/video-generation.md,
 * https://googleapis.github.io/java-genai/javadoc/google-genai/com.google.genai/-operations/get-videos-operation.html).
 * Veo is served by Vertex AI (the Gemini API's Veo models are shut down:
 * https://github.com/gunpal5/Google_GenerativeAI/wiki/Video-Generation; @google/genai 3.3 refuses
 * generateVideos without `vertexai: true`), with an API key (Vertex express mode) or a project.
 * The video comes back as bytes (or a URI), with the brand's first frame as its poster.
 *
 * @example
 * const veo = createVeoEngine({ client: new GoogleGenAI({ vertexai: true, apiKey }), firstFrame: localImages });
 */
export function createVeoEngine(options: VeoEngineOptions): ParkableVideoEngine {
  const model = options.model ?? DEFAULT_VEO_MODEL;
  const posters = new Map<string, Buffer>();

  function checkSupported(request: VideoRequest) {
    if (!VEO_RATIOS.has(request.ratio) || request.durationSeconds > VEO_MAX_SECONDS) {
      throw new ProviderError(
        `Veo renders 16:9 or 9:16 clips of at most ${VEO_MAX_SECONDS} s; this order asks ${request.ratio}, ${request.durationSeconds} s`,
        { retryable: false, reason: 'UNSUPPORTED' },
      );
    }
  }

  async function start(request: VideoRequest): Promise<GenerateVideosOperation> {
    checkSupported(request);
    let image: { imageBytes: string; mimeType: string } | undefined;
    let poster: Buffer | undefined;
    if (options.firstFrame) {
      const frame = await options.firstFrame.generateImage({ ...request, slide: undefined });
      poster = await readBody(frame.body);
      image = { imageBytes: poster.toString('base64'), mimeType: frame.mimeType };
    }
    // Veo takes even durations of 4 to 8 s.
    const durationSeconds = Math.min(
      VEO_MAX_SECONDS,
      Math.max(4, Math.ceil(request.durationSeconds / 2) * 2),
    );
    const operation = await withInlineRetries(
      async () => {
        try {
          return await options.client.models.generateVideos({
            model,
            source: { prompt: buildImagePrompt(request), ...(image ? { image } : {}) },
            config: {
              aspectRatio: request.ratio,
              durationSeconds,
              numberOfVideos: 1,
              abortSignal: request.signal,
            },
          });
        } catch (error) {
          throw toProviderError(error, request.signal);
        }
      },
      { ...options.retry, signal: request.signal },
    );
    if (!operation.name)
      throw new ProviderError('Veo returned no operation name', {
        retryable: true,
        reason: 'MALFORMED_RESPONSE',
      });
    if (poster) posters.set(operation.name, poster);
    return operation;
  }

  async function poll(name: string, signal?: AbortSignal): Promise<GenerateVideosOperation> {
    const operation = new GenerateVideosOperation();
    operation.name = name;
    try {
      return await options.client.operations.getVideosOperation({
        operation,
        config: { abortSignal: signal },
      });
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  async function toResult(operation: GenerateVideosOperation, request: VideoRequest): Promise<VideoResult> {
    if (operation.error) {
      throw new ProviderError(
        `Veo failed: ${String(operation.error.message ?? JSON.stringify(operation.error))}`,
        {
          retryable: false,
          reason: 'PREDICTION_FAILED',
        },
      );
    }
    const response = operation.response;
    const video = response?.generatedVideos?.[0]?.video;
    if (!video?.videoBytes && !video?.uri) {
      const filtered = response?.raiMediaFilteredReasons?.join('; ');
      throw new ProviderError(`Veo returned no video${filtered ? `: ${filtered}` : ''}`, {
        retryable: false,
        reason: filtered ? 'SAFETY_BLOCK' : 'NO_OUTPUT',
      });
    }
    let body: Buffer | AsyncIterable<Uint8Array>;
    if (video.videoBytes) body = Buffer.from(video.videoBytes, 'base64');
    else if (video.uri?.startsWith('https://')) {
      const download = await fetch(video.uri, { signal: request.signal });
      if (!download.ok || !download.body) {
        throw new ProviderError(`Veo video download answered ${download.status}`, {
          retryable: download.status >= 500,
          reason: 'DOWNLOAD_FAILED',
        });
      }
      body = download.body as unknown as AsyncIterable<Uint8Array>;
    } else {
      throw new ProviderError(`Veo stored the video at ${video.uri}, which needs Cloud Storage access`, {
        retryable: false,
        reason: 'UNSUPPORTED',
      });
    }
    const poster = operation.name ? posters.get(operation.name) : undefined;
    if (operation.name) posters.delete(operation.name);
    request.onProgress?.(1);
    return {
      body,
      mimeType: video.mimeType ?? 'video/mp4',
      width: request.width,
      height: request.height,
      durationSeconds: request.durationSeconds,
      poster: poster ? { body: poster, mimeType: 'image/png' } : undefined,
    };
  }

  return {
    name: `veo:${model}`,
    async generateVideo(request: VideoRequest): Promise<VideoResult> {
      let operation = await start(request);
      const name = operation.name!;
      const started = Date.now();
      const timeout = options.timeoutMs ?? 600_000;
      let delay = options.pollInitialMs ?? 5_000;
      while (!operation.done) {
        if (Date.now() - started + delay > timeout) {
          throw new ProviderError(`Veo operation ${name} did not finish in time`, {
            retryable: true,
            reason: 'TIMEOUT',
          });
        }
        await simulatedLatency(delay, request.signal).catch(() => {
          throw abortError(request.signal!);
        });
        delay = Math.min(delay * 2, options.pollMaxMs ?? 30_000);
        operation = await poll(name, request.signal);
        request.onProgress?.(Math.min(0.95, (Date.now() - started) / timeout));
      }
      return toResult(operation, request);
    },
    async startVideo(request: VideoRequest): Promise<RemoteRender> {
      const operation = await start(request);
      return { provider: 'veo', ref: operation.name! };
    },
    async checkVideo(ref: string, request: VideoRequest): Promise<RemoteRenderState> {
      const operation = await poll(ref, request.signal);
      if (!operation.done) return { status: 'pending' };
      // Resumed in another process than the one that started it: draw the first frame again
      // (deterministic) so the video keeps its poster.
      if (operation.name && !posters.has(operation.name) && !operation.error && options.firstFrame) {
        const frame = await options.firstFrame.generateImage({ ...request, slide: undefined });
        posters.set(operation.name, await readBody(frame.body));
      }
      return { status: 'done', result: await toResult(operation, request) };
    },
    async cancelVideo(ref: string): Promise<void> {
      // Veo operations cannot be canceled through the API; forget the poster, the job stops polling.
      posters.delete(ref);
    },
  };
}
