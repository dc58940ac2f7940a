import type { VariantStyle } from '@alfie/core/contract';
import { VARIANT_PROMPT_MODIFIERS } from '../variants/styles.js';
import { paletteNames } from './color-names.js';
import type { BrandStyle, SlideText } from './types.js';

export interface PromptInput {
  topic: string;
  ratio: string;
  brand: BrandStyle;
  locale?: string;
  slide?: { index: number; total: number; text?: SlideText };
  variant?: { style: VariantStyle };
}

const languageName = (locale?: string) => (locale?.toLowerCase().startsWith('fr') ? 'French' : 'English');

/**
 * The prompt AI image engines get: the topic, the brand (palette by colour names, never hex codes;
 * voice; niche), and for a carousel "slide i of N" with that slide's planned text.
 *
 * @example
 * buildImagePrompt({ topic: 'Tendances 2025', ratio: '4:5', brand, slide: { index: 0, total: 5 } });
 */
export function buildImagePrompt(input: PromptInput): string {
  const { brand } = input;
  const lines = [
    `Create a polished social-media marketing visual for the brand "${brand.name}".`,
    `Topic: ${input.topic}`,
  ];
  if (brand.palette.length > 0) lines.push(`Use the brand colours: ${paletteNames(brand.palette)}.`);
  if (brand.voice) lines.push(`Brand voice: ${brand.voice}.`);
  if (brand.niche) lines.push(`Audience and niche: ${brand.niche}.`);
  if (input.slide) {
    lines.push(
      `This is slide ${input.slide.index + 1} of ${input.slide.total} of a carousel; keep the style consistent across slides.`,
    );
    const text = input.slide.text;
    if (text) {
      lines.push(`Slide title to display: "${text.title}".`);
      if (text.subtitle) lines.push(`Slide subtitle to display: "${text.subtitle}".`);
    }
  }
  if (input.variant) lines.push(VARIANT_PROMPT_MODIFIERS[input.variant.style]);
  lines.push(
    `Aspect ratio ${input.ratio}. Any text in the image is in ${languageName(input.locale)}, short, spelled exactly, and easy to read.`,
  );
  return lines.join('\n');
}
