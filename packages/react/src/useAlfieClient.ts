import type { AlfieClient } from '@alfie/core';
import { useContext } from 'react';
import { AlfieClientContext } from './context.js';

/**
 * The client given to the nearest `<AlfieProvider>`, for calls no hook covers.
 *
 * @example
 * const client = useAlfieClient();
 * await client.orders.cancel(orderId);
 */
export function useAlfieClient(): AlfieClient {
  const client = useContext(AlfieClientContext);
  if (!client) {
    throw new Error(
      '@alfie/react: no client. Wrap your app in <AlfieProvider client={…}> or <AlfieProvider baseUrl="…">.',
    );
  }
  return client;
}
