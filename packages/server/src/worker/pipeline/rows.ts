import type { Asset, OrderItem } from '@alfie/core/contract';

export interface ItemEventRow {
  id: string;
  order_id: string;
  sequence_number: number;
  type: OrderItem['type'];
  status: OrderItem['status'];
  error: string | null;
  updated_at: Date | string;
}

/** order_items row -> the contract's OrderItem (API JSON is camelCase). */
export function toOrderItem(row: ItemEventRow): OrderItem {
  return {
    id: row.id,
    orderId: row.order_id,
    sequenceNumber: row.sequence_number,
    type: row.type,
    status: row.status,
    error: row.error,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export type AssetInput = Omit<Asset, 'id' | 'createdAt'>;

export function toAsset(input: AssetInput, inserted: { id: string; created_at: Date | string }): Asset {
  return { ...input, id: inserted.id, createdAt: new Date(inserted.created_at).toISOString() };
}
