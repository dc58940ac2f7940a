import { createMount, type MountAlfieWidget } from './mount.js';
import * as panel from './panel.js';

export type { AlfieWidget } from './mount.js';

/**
 * Mounts the chat widget: a launcher button and its panel, inside a Shadow DOM. For bundler users the
 * panel is imported statically; the script-tag build loads it on demand instead.
 *
 * @example
 * import { mountAlfieWidget } from '@alfie/widget';
 * const widget = mountAlfieWidget({ apiUrl: 'https://alfie.example.com', brandId, token });
 * widget.on('order:completed', ({ orderId }) => console.log('done', orderId));
 * widget.on('handoff', ({ transcript }) => support.open(transcript));
 * widget.open();
 */
export const mountAlfieWidget: MountAlfieWidget = createMount(panel);
