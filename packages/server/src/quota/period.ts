/** The quota period of an instant: yyyymm in UTC, e.g. 202611. */
export function periodOf(date: Date): number {
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
}

/** When a period's counters restart: the first instant of the next month, UTC. */
export function periodResetsAt(period: number): string {
  const year = Math.floor(period / 100);
  const month = period % 100; // 1-based, so it is already next month's 0-based index
  return new Date(Date.UTC(year, month, 1)).toISOString();
}
