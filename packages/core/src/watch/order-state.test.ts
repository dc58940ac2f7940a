import { describe, expect, it } from 'vitest';
import type { OrderItem } from '../contract/types.js';
import { applyEvent, emptyOrderState, orderView } from './order-state.js';

const item = (
  id: string,
  status: OrderItem['status'],
  updatedAt = '2026-11-27T06:00:00.000Z',
): OrderItem => ({
  id,
  orderId: 'o',
  sequenceNumber: Number(id.slice(1)),
  type: 'video',
  status,
  error: null,
  updatedAt,
});

describe('order state', () => {
  it('counts a running video render in the progress ratio', () => {
    const state = emptyOrderState();
    state.expected = 1;
    applyEvent(state, { type: 'item', orderId: 'o', item: item('i0', 'running') });
    applyEvent(state, { type: 'progress', orderId: 'o', itemId: 'i0', progress: 0.4 });
    expect(orderView(state).progress).toEqual({ completed: 0, expected: 1, ratio: 0.4 });
    applyEvent(state, { type: 'progress', orderId: 'o', itemId: 'i0', progress: 80 }); // a percentage
    expect(orderView(state).progress.ratio).toBeCloseTo(0.8);
  });

  it('never moves a status or an item backwards on a replayed event', () => {
    const state = emptyOrderState();
    applyEvent(state, { type: 'status', orderId: 'o', status: 'processing' });
    applyEvent(state, {
      type: 'item',
      orderId: 'o',
      item: item('i0', 'completed', '2026-11-27T06:00:02.000Z'),
    });
    applyEvent(state, { type: 'status', orderId: 'o', status: 'pending' });
    applyEvent(state, {
      type: 'item',
      orderId: 'o',
      item: item('i0', 'running', '2026-11-27T06:00:01.000Z'),
    });
    expect(orderView(state).status).toBe('processing');
    expect(orderView(state).items[0]!.status).toBe('completed');
    applyEvent(state, { type: 'end', orderId: 'o', status: 'partial', completedCount: 0, expectedTotal: 2 });
    expect(orderView(state)).toMatchObject({
      status: 'partial',
      done: true,
      progress: { completed: 1, expected: 2, ratio: 1 },
    });
  });
});
