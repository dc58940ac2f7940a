import { type GoogleGenAI, Type } from '@google/genai';
import { paletteNames } from '../color-names.js';
import { ProviderError } from '../errors.js';
import { type InlineRetryOptions, withInlineRetries } from '../retry.js';
import type { CarouselPlanner, SlideText } from '../types.js';
import { toProviderError } from './errors.js';

export interface GeminiPlannerOptions {
  client: GoogleGenAI;
  /** GEMINI_TEXT_MODEL, default `gemini-2.5-flash`. */
  model?: string;
  retry?: Omit<InlineRetryOptions, 'signal'>;
}

export const DEFAULT_GEMINI_TEXT_MODEL = 'gemini-2.5-flash';

/**
 * Plans a carousel's N slide texts in one structured-output call: `responseMimeType:
 * 'application/json'` with a `responseSchema`, so the model must answer an array of
 * `{ title, subtitle }` (https://ai.google.dev/gemini-api/docs/structured-output).
 *
 * @example
 * const slides = await createGeminiPlanner({ client }).planSlides({ topic, count: 5, locale: 'fr', brand });
 */
export function createGeminiPlanner(options: GeminiPlannerOptions): CarouselPlanner {
  const model = options.model ?? DEFAULT_GEMINI_TEXT_MODEL;
  return {
    name: `gemini:${model}`,
    async planSlides({ topic, count, locale, brand, signal }): Promise<SlideText[]> {
      const language = locale.toLowerCase().startsWith('fr') ? 'French' : 'English';
      const prompt = [
        `Plan the texts of a ${count}-slide social-media carousel about: ${topic}`,
        `Brand: ${brand.name}.${brand.voice ? ` Voice: ${brand.voice}.` : ''}${brand.niche ? ` Niche: ${brand.niche}.` : ''}`,
        brand.palette.length ? `Brand colours: ${paletteNames(brand.palette)}.` : '',
        `Slide 1 hooks the reader, the middle slides each give one concrete point, the last slide is a call to action.`,
        `Exactly ${count} slides. Write in ${language}. Titles at most 8 words, subtitles at most 20 words.`,
      ]
        .filter(Boolean)
        .join('\n');
      const response = await withInlineRetries(
        async () => {
          try {
            return await options.client.models.generateContent({
              model,
              contents: [{ role: 'user', parts: [{ text: prompt }] }],
              config: {
                responseMimeType: 'application/json',
                responseSchema: {
                  type: Type.ARRAY,
                  minItems: String(count),
                  maxItems: String(count),
                  items: {
                    type: Type.OBJECT,
                    properties: { title: { type: Type.STRING }, subtitle: { type: Type.STRING } },
                    required: ['title', 'subtitle'],
                    propertyOrdering: ['title', 'subtitle'],
                  },
                },
                abortSignal: signal,
              },
            });
          } catch (error) {
            throw toProviderError(error, signal);
          }
        },
        { ...options.retry, signal },
      );
      return parsePlan(response.text, count);
    },
  };
}

/** Checks the model's JSON: exactly `count` slides, each with a non-empty title. */
export function parsePlan(text: string | undefined, count: number): SlideText[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '');
  } catch (cause) {
    throw new ProviderError('Gemini returned a carousel plan that is not JSON', {
      retryable: true,
      reason: 'MALFORMED_RESPONSE',
      cause,
    });
  }
  const slides = Array.isArray(parsed) ? parsed : [];
  const valid = slides.filter(
    (s): s is SlideText =>
      typeof s?.title === 'string' &&
      s.title.trim() !== '' &&
      (s.subtitle === undefined || typeof s.subtitle === 'string'),
  );
  if (valid.length < count) {
    throw new ProviderError(`Gemini planned ${valid.length} valid slides, ${count} were asked`, {
      retryable: true,
      reason: 'MALFORMED_RESPONSE',
    });
  }
  return valid
    .slice(0, count)
    .map((s) =>
      s.subtitle ? { title: s.title.trim(), subtitle: s.subtitle.trim() } : { title: s.title.trim() },
    );
}
