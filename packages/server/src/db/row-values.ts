/** A row as the drivers return it: PGlite and node-postgres differ on dates and numerics. */
export type Row = Record<string, unknown>;

export const iso = (value: unknown): string =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

export const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

export const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
