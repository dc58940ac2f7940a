/**
 * Maps `items` with at most `limit` calls in flight (N images in parallel rather than all at once,
 * so a provider's rate limit is respected). Results keep the input order.
 *
 * @example
 * const sizes = await mapBounded(files, 3, (file) => stat(file).then((s) => s.size));
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
