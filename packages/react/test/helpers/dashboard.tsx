import {
  useGenerate,
  useGenerateFromChat,
  useIntent,
  useLibrary,
  useOrder,
  useOrders,
  useQuota,
} from '../../src/index.js';

/** Every hook at once, as a real page would use them: what the SSR and hydration tests render. */
export function Dashboard({ orderId }: { orderId: string }) {
  const generate = useGenerate();
  const order = useOrder(orderId);
  const orders = useOrders({ brandId: 'brand-1' });
  const library = useLibrary({ brandId: 'brand-1', type: 'carousel' });
  const quota = useQuota('brand-1');
  const intent = useIntent('5 slides about coffee');
  const chat = useGenerateFromChat({ brandId: 'brand-1' });
  return (
    <main>
      <p data-testid="generate">{generate.status}</p>
      <p data-testid="order">
        {order.connection}:{order.assets.length}
      </p>
      <p data-testid="orders">
        {orders.status}:{orders.items.length}
      </p>
      <p data-testid="library">
        {library.status}:{library.items.length}
      </p>
      <p data-testid="quota">
        {quota.status}:{quota.remaining?.images ?? '-'}
      </p>
      <p data-testid="intent">{intent.kind}</p>
      <p data-testid="chat">{chat.phase}</p>
    </main>
  );
}
