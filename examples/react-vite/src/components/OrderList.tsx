import { isTerminalOrderStatus, type Order } from '@alfie/core';
import { type UsePagerResult, useOrder } from '@alfie/react';
import { LoadMoreButton } from './LoadMoreButton.js';
import { OrderProgress } from './OrderProgress.js';

/** The latest orders; the ones still running are followed live (one shared stream per order). */
export function OrderList({ orders }: { orders: UsePagerResult<Order> }) {
  const { items, status, error } = orders;
  if (status === 'loading' && items.length === 0) return <p>Loading orders…</p>;
  if (error && items.length === 0) return <p className="error">{error.message}</p>;
  if (items.length === 0) return <p className="muted">No orders yet.</p>;
  return (
    <>
      <ul className="orders">
        {items.map((order) => (
          <OrderRow key={order.id} order={order} />
        ))}
      </ul>
      <LoadMoreButton pager={orders} label="Older orders" />
    </>
  );
}

function OrderRow({ order }: { order: Order }) {
  // Ended orders need no connection; running ones update as each slide is delivered.
  const running = !isTerminalOrderStatus(order.status);
  const live = useOrder(order.id, { enabled: running });
  return (
    <li className="order-row">
      <div>
        <strong>{order.topic}</strong>
        <span className="muted">
          {' '}
          · {order.type}
          {order.type === 'video' ? ` ${order.duration ?? ''}s` : ` × ${order.count}`} · {order.ratio} ·{' '}
          {new Date(order.createdAt).toLocaleString()}
        </span>
      </div>
      {running || live.status ? (
        <OrderProgress order={live} />
      ) : (
        <span className={`badge ${order.status}`}>{order.status}</span>
      )}
    </li>
  );
}
