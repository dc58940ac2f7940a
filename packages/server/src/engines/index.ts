import { GoogleGenAI } from '@google/genai';
import { ConfigError } from '../config-error.js';
import { type Env, intEnv, parseEngineChoice, requireEnv } from './config.js';
import { createGeminiClient } from './gemini/client.js';
import { createGeminiImageEngine } from './gemini/image-engine.js';
import { createGeminiPlanner } from './gemini/planner.js';
import { createVeoEngine } from './gemini/veo-engine.js';
import { faultSharesFromEnv, withImageFaults, withVideoFaults } from './local/faults.js';
import { createLocalImageEngine } from './local/image-engine.js';
import { createLocalPlanner } from './local/planner.js';
import { isLocalVideoFormat, type LocalVideoFormat } from './local/video-encoding.js';
import { createLocalVideoEngine } from './local/video-engine.js';
import { ReplicateClient } from './replicate/client.js';
import { createReplicateImageEngine } from './replicate/image-engine.js';
import { createReplicateVideoEngine } from './replicate/video-engine.js';
import type { CarouselPlanner, ImageEngine, VideoEngine } from './types.js';

export {
  isProviderError,
  PROVIDER_ERROR_REASONS,
  ProviderError,
  type ProviderErrorReason,
} from './errors.js';
export { readBody } from './media-body.js';
export { RATIO_SIZES } from './ratio-sizes.js';
export type * from './types.js';
export { isParkableImageEngine, isParkableVideoEngine } from './types.js';

export interface Engines {
  image: ImageEngine;
  video: VideoEngine;
  planner: CarouselPlanner;
}

/**
 * Builds the engines the configuration names. Defaults are the offline local engines.
 * - ENGINE_IMAGES: `local` | `gemini` | `replicate:<owner/model>`
 * - ENGINE_VIDEO: `local` | `veo` | `replicate:<owner/model>`
 * - ENGINE_PLANNER: `local` | `gemini` (default: `gemini` when GEMINI_API_KEY is set, else `local`)
 * - LOCAL_ENGINE_FAULTS: `retryable=0.2,permanent=0.05,hang=0.05` makes that share of local
 *   renders fail (see local/faults.ts); unset, none does.
 * A missing key or an unknown engine throws a one-line ConfigError naming the variable.
 *
 * @example
 * const { image, video, planner } = createEngines(process.env);
 */
export function createEngines(env: Env): Engines {
  const latencyMs = intEnv(env, 'LOCAL_ENGINE_LATENCY_MS', 0);
  // Checked whatever the engines, so a wrong value is reported even before it matters.
  faultSharesFromEnv(env);
  return {
    image: createImageEngine(env, latencyMs),
    video: createVideoEngine(env, latencyMs, createLocalImageEngine()),
    planner: createPlanner(env),
  };
}

function createImageEngine(env: Env, latencyMs: number): ImageEngine {
  const choice = parseEngineChoice(env.ENGINE_IMAGES);
  switch (choice.kind) {
    case 'local': {
      const engine = createLocalImageEngine({ latencyMs });
      const faults = faultSharesFromEnv(env);
      return faults ? withImageFaults(engine, faults) : engine;
    }
    case 'gemini':
      return createGeminiImageEngine({
        client: geminiClient(env, 'ENGINE_IMAGES=gemini'),
        model: choice.model ?? (env.GEMINI_IMAGE_MODEL?.trim() || undefined),
      });
    case 'replicate':
      return createReplicateImageEngine({
        client: replicateClient(env, 'ENGINE_IMAGES=replicate:<model>'),
        model: requireModel(choice.model, 'ENGINE_IMAGES'),
        // With a webhook, image predictions park like videos; without one the worker waits for them.
        webhookUrl: replicateWebhookUrl(env),
      });
    default:
      throw new ConfigError(
        `ENGINE_IMAGES must be local, gemini or replicate:<owner/model>, got "${env.ENGINE_IMAGES}"`,
      );
  }
}

/** LOCAL_VIDEO_FORMAT: `mp4` (default, H.264 + AAC) or `webm` (VP8). */
function localVideoFormat(value: string | undefined): LocalVideoFormat {
  const format = value?.trim().toLowerCase() || 'mp4';
  if (!isLocalVideoFormat(format))
    throw new ConfigError(`LOCAL_VIDEO_FORMAT must be mp4 or webm, got "${value}"`);
  return format;
}

function createVideoEngine(env: Env, latencyMs: number, brandFrames: ImageEngine): VideoEngine {
  const choice = parseEngineChoice(env.ENGINE_VIDEO);
  switch (choice.kind) {
    case 'local': {
      const engine = createLocalVideoEngine({
        latencyMs,
        ffmpegPath: env.FFMPEG_PATH || undefined,
        format: localVideoFormat(env.LOCAL_VIDEO_FORMAT),
      });
      const faults = faultSharesFromEnv(env);
      return faults ? withVideoFaults(engine, faults) : engine;
    }
    case 'veo':
      return createVeoEngine({
        client: vertexClient(env),
        model: choice.model ?? (env.VEO_MODEL?.trim() || undefined),
        firstFrame: env.VEO_FIRST_FRAME === 'none' ? undefined : brandFrames,
        timeoutMs: intEnv(env, 'VIDEO_TIMEOUT_MS', 600_000),
      });
    case 'replicate': {
      return createReplicateVideoEngine({
        client: replicateClient(env, 'ENGINE_VIDEO=replicate:<model>'),
        model: requireModel(choice.model, 'ENGINE_VIDEO'),
        firstFrame: env.REPLICATE_START_IMAGE === 'local' ? brandFrames : undefined,
        webhookUrl: replicateWebhookUrl(env),
        poll: { timeoutMs: intEnv(env, 'VIDEO_TIMEOUT_MS', 600_000) },
      });
    }
    default:
      throw new ConfigError(
        `ENGINE_VIDEO must be local, veo or replicate:<owner/model>, got "${env.ENGINE_VIDEO}"`,
      );
  }
}

function createPlanner(env: Env): CarouselPlanner {
  // With a Gemini key the plan comes from Gemini unless told otherwise; without one, the local planner.
  const fallback = env.GEMINI_API_KEY?.trim() ? 'gemini' : 'local';
  const choice = parseEngineChoice(env.ENGINE_PLANNER?.trim() || fallback);
  switch (choice.kind) {
    case 'local':
      return createLocalPlanner();
    case 'gemini':
      return createGeminiPlanner({
        client: geminiClient(env, 'ENGINE_PLANNER=gemini'),
        model: choice.model ?? (env.GEMINI_TEXT_MODEL?.trim() || undefined),
      });
    default:
      throw new ConfigError(`ENGINE_PLANNER must be local or gemini, got "${env.ENGINE_PLANNER}"`);
  }
}

function geminiClient(env: Env, why: string) {
  return createGeminiClient({
    apiKey: requireEnv(env, 'GEMINI_API_KEY', `when ${why}`),
    timeoutMs: intEnv(env, 'GEMINI_TIMEOUT_MS', 120_000) || undefined,
    baseUrl: env.GEMINI_BASE_URL?.trim() || undefined,
  });
}

/**
 * Where Replicate calls back: REPLICATE_WEBHOOK_URL, else `$PUBLIC_URL/v1/webhooks/replicate` once
 * a webhook secret is set (PUBLIC_URL's own default from config.ts when unset: a secret alone is
 * enough to park). Undefined without either: renders are then polled.
 */
function replicateWebhookUrl(env: Env): string | undefined {
  const explicit = env.REPLICATE_WEBHOOK_URL?.trim();
  if (explicit) return explicit;
  if (!env.REPLICATE_WEBHOOK_SECRET?.trim()) return undefined;
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || 8787}`).replace(
    /\/+$/,
    '',
  );
  return `${publicUrl}/v1/webhooks/replicate`;
}

function replicateClient(env: Env, why: string) {
  return new ReplicateClient({
    token: requireEnv(env, 'REPLICATE_API_TOKEN', `when ${why}`),
    baseUrl: env.REPLICATE_BASE_URL?.trim() || undefined,
  });
}

function requireModel(model: string | undefined, variable: string): string {
  if (!model || !/^[\w.-]+\/[\w.-]+(:[0-9a-f]{64})?$/.test(model)) {
    throw new ConfigError(
      `${variable}=replicate:<owner/model> needs a model, e.g. replicate:black-forest-labs/flux-schnell`,
    );
  }
  return model;
}

/** Veo runs on Vertex AI: an API key (express mode), or a project and location with Google ADC. */
function vertexClient(env: Env): GoogleGenAI {
  const apiKey = env.GOOGLE_CLOUD_API_KEY?.trim();
  const project = env.GOOGLE_CLOUD_PROJECT?.trim();
  if (!apiKey && !project) {
    throw new ConfigError(
      'GOOGLE_CLOUD_API_KEY (or GOOGLE_CLOUD_PROJECT with Google credentials) is required when ENGINE_VIDEO=veo',
    );
  }
  return new GoogleGenAI({
    vertexai: true,
    ...(apiKey ? { apiKey } : { project, location: env.GOOGLE_CLOUD_LOCATION?.trim() || 'us-central1' }),
  });
}
