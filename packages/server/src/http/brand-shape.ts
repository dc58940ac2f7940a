import type { Brand } from '@alfie/core/contract';
import { iso, type Row, str } from '../db/row-values.js';

/**
 * A brands row as the API's Brand: an explicit literal, so a new column never reaches the API
 * without TypeScript checking it against the contract.
 */
export function toBrand(row: Row): Brand {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    name: String(row.name),
    plan: String(row.plan),
    palette: (row.palette as string[]) ?? [],
    fonts: (row.fonts as string[]) ?? [],
    logoUrl: str(row.logo_url),
    voice: str(row.voice),
    niche: str(row.niche),
    locale: (str(row.locale) as Brand['locale']) ?? null,
    createdAt: iso(row.created_at),
  };
}
