import { type DetectOptions, detectIntent, type Intent } from '@alfie/core/intent';
import { useMemo } from 'react';

/**
 * What a chat message asks for (core's `detectIntent`), recomputed only when the text or locale
 * changes. Pure and synchronous, no request: safe to call on every keystroke.
 *
 * @example
 * const intent = useIntent(draft);
 * const hint = intent.kind === 'generate' ? describeIntent(intent, 'en') : null;
 */
export function useIntent(text: string, options: DetectOptions = {}): Intent {
  const { locale } = options;
  return useMemo(() => detectIntent(text, { locale }), [text, locale]);
}
