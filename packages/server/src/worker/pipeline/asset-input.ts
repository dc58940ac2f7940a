import type { Asset } from '@alfie/core/contract';

/** What a render hands to delivery: the asset before its row exists (the row gives id and createdAt). */
export type AssetInput = Omit<Asset, 'id' | 'createdAt'>;
