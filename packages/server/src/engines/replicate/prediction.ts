import { ProviderError } from '../errors.js';
import { abortError, simulatedLatency } from '../latency.js';
import type { MediaBody } from '../types.js';
import { type Prediction, type ReplicateClient, TERMINAL_STATUSES } from './client.js';

export interface PollOptions {
  /** First poll delay, doubled each time up to maxDelayMs. Defaults 1 s and 15 s. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Give up (and cancel the prediction) after this long. Default 10 minutes. */
  timeoutMs?: number;
}

/**
 * Waits for a prediction to end: polls with exponential backoff while it is `starting` or
 * `processing`, up to a timeout. An aborted signal (the order was canceled) or the timeout cancels
 * the prediction at Replicate, so nobody pays for a render no one will read.
 */
export async function waitForPrediction(
  client: ReplicateClient,
  first: Prediction,
  options: PollOptions & { signal?: AbortSignal; onPoll?: (prediction: Prediction) => void } = {},
): Promise<Prediction> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let delay = options.initialDelayMs ?? 1_000;
  let prediction = first;
  try {
    while (!TERMINAL_STATUSES.has(prediction.status)) {
      if (Date.now() + delay > deadline) {
        await client.cancel(prediction.id).catch(() => undefined);
        throw new ProviderError(`Replicate prediction ${prediction.id} did not finish in time`, {
          retryable: true,
          reason: 'TIMEOUT',
        });
      }
      await simulatedLatency(delay, options.signal);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 15_000);
      prediction = await client.get(prediction.id, options.signal);
      options.onPoll?.(prediction);
    }
  } catch (error) {
    if (options.signal?.aborted) {
      await client.cancel(prediction.id).catch(() => undefined);
      throw abortError(options.signal);
    }
    throw error;
  }
  return prediction;
}

/** A finished prediction's first output as bytes; failed and canceled predictions are permanent errors. */
export async function predictionOutput(
  client: ReplicateClient,
  prediction: Prediction,
  signal?: AbortSignal,
): Promise<{ body: MediaBody; contentType: string | null }> {
  if (prediction.status === 'failed') {
    throw new ProviderError(`Replicate prediction failed: ${String(prediction.error ?? 'no reason given')}`, {
      retryable: false,
      reason: 'PREDICTION_FAILED',
    });
  }
  if (prediction.status === 'canceled') {
    throw new ProviderError('Replicate prediction was canceled', {
      retryable: false,
      reason: 'PREDICTION_CANCELED',
    });
  }
  const output = Array.isArray(prediction.output) ? prediction.output[0] : prediction.output;
  if (typeof output !== 'string' || output === '') {
    throw new ProviderError('Replicate prediction succeeded without a file output', {
      retryable: false,
      reason: 'NO_OUTPUT',
    });
  }
  // Sync mode may inline small outputs as data URLs.
  const inline = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(output);
  if (inline) {
    const data = inline[2] ? Buffer.from(inline[3]!, 'base64') : Buffer.from(decodeURIComponent(inline[3]!));
    return { body: data, contentType: inline[1] ?? null };
  }
  return client.download(output, signal);
}

/** Guesses a MIME type from an output URL when the server sent none. */
export function mimeFromUrl(url: unknown, fallback: string): string {
  const extension =
    typeof url === 'string' ? /\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1]?.toLowerCase() : undefined;
  const known: Record<string, string> = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    webp: 'image/webp',
    mp4: 'video/mp4',
    webm: 'video/webm',
  };
  return (extension && known[extension]) || fallback;
}

/**
 * A parked render's prediction, ended or not: the webhook's snapshot when it is that prediction's
 * final state (no round trip), otherwise what Replicate says now.
 */
export async function currentPrediction(
  client: ReplicateClient,
  ref: string,
  snapshot: unknown,
  signal: AbortSignal | undefined,
): Promise<Prediction> {
  const known = snapshot as Prediction | undefined;
  return known?.id === ref && TERMINAL_STATUSES.has(known.status) ? known : client.get(ref, signal);
}
