import { GoogleGenAI } from '@google/genai';

export interface GeminiClientOptions {
  apiKey: string;
  /** Per-request timeout in ms (GEMINI_TIMEOUT_MS). Default 120 000: image models take 10–40 s. */
  timeoutMs?: number;
  /** Override of https://generativelanguage.googleapis.com (a proxy, a test server). */
  baseUrl?: string;
}

/**
 * One @google/genai client. The SDK's own retries stay off (no `retryOptions`): retries are ours,
 * so that a long provider delay requeues the job instead of holding a worker slot.
 */
export function createGeminiClient(options: GeminiClientOptions): GoogleGenAI {
  return new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: {
      timeout: options.timeoutMs ?? 120_000,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    },
  });
}
