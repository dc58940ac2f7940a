import type { GenerateRequest } from '../contract/types.js';
import type { Intent } from './types.js';

export interface IntentToRequestOptions {
  brandId: string;
  /** Topic to use instead of the detected one, e.g. the user's answer to "about what?". */
  topic?: string;
}

/**
 * Builds the POST /v1/generate body from a generate intent. Throws a TypeError for any other kind,
 * or when there is no topic yet (ask the user, then pass it as `topic`).
 *
 * @example
 * const intent = detectIntent('Vidéo de 15 secondes sur le café');
 * client.generate(intentToRequest(intent, { brandId }));
 * // { format: 'video', topic: 'le café', brandId, ratio: '9:16', duration: 15 }
 */
export function intentToRequest(intent: Intent, { brandId, topic }: IntentToRequestOptions): GenerateRequest {
  if (intent.kind !== 'generate')
    throw new TypeError(`intentToRequest needs a generate intent, got "${intent.kind}"`);
  const subject = (topic ?? intent.topic ?? '').trim();
  if (!subject) throw new TypeError('intentToRequest needs a topic: ask what the visual is about');
  const request: GenerateRequest = { format: intent.format, topic: subject, brandId, ratio: intent.ratio };
  if (intent.format === 'video') request.duration = intent.duration;
  else request.count = intent.count;
  return request;
}
