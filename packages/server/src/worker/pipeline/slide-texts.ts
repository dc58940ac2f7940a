import type { SlideText } from '../../engines/types.js';
import { SAVE_SLIDE_TEXTS } from '../../sql/queue/save-slide-texts.js';
import { slideIndexOf } from '../../variants/items.js';
import { classifyError } from './classify.js';
import type { ItemResult, ItemRow, OrderRow, PipelineDeps } from './types.js';
import { brandStyle, localeOf } from './types.js';

/**
 * The carousel's slide texts, by slide index. Planned once and stored on the items, so a retry
 * draws the same texts. A planner that refuses for good (not retryable) leaves slides with the
 * topic alone rather than failing the carousel.
 */
export async function planSlideTexts(
  deps: PipelineDeps,
  order: OrderRow,
  items: ItemRow[],
  signal: AbortSignal,
): Promise<{ texts: Map<string, SlideText> } | { retry: ItemResult }> {
  const byItem = (list: (SlideText | null | undefined)[]) =>
    new Map(
      items.flatMap((item, index) => (list[index] ? [[item.id, list[index] as SlideText] as const] : [])),
    );
  const stored = items.map((item) => item.text_json);
  if (stored.every((text) => text)) return { texts: byItem(stored) };
  try {
    const planned = await deps.engines.planner.planSlides({
      topic: order.topic,
      count: order.count,
      locale: localeOf(items[0]),
      brand: brandStyle(order),
      signal,
    });
    // A cover variant (variants/items.ts) carries the cover's text.
    const texts = items.map((item) => item.text_json ?? planned[slideIndexOf(item)]);
    const updates = items.flatMap((item, index) =>
      texts[index] ? [{ id: item.id, text: texts[index] }] : [],
    );
    if (updates.length > 0) await deps.db.query(SAVE_SLIDE_TEXTS, [JSON.stringify(updates)]);
    return { texts: byItem(texts) };
  } catch (error) {
    const result = classifyError(error, signal, deps.logger, { step: 'slide-texts' });
    if (result.kind === 'failed') {
      deps.logger.warn(
        { orderId: order.id, error: result.error },
        'slide planning failed; slides carry the topic only',
      );
      return { texts: byItem(stored) };
    }
    return { retry: result };
  }
}
