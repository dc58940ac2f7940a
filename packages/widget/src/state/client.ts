import { type AlfieClientOptions, createAlfieBaseClient } from '@alfie/core';
import type { WidgetClient } from './client-types.js';

/**
 * Core's base client, built by the panel: only the panel talks to the API, so the script-tag entry
 * carries none of the HTTP, watch and SSE code. The base client leaves out what the widget does not
 * use (pagers, quota observer, mutations).
 */
export const createClient = (options: AlfieClientOptions): WidgetClient => createAlfieBaseClient(options);
