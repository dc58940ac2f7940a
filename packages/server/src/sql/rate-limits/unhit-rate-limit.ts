/** Takes back one counted request (a request the limit chose not to count after all). $1 key. */
export const UNHIT_RATE_LIMIT = `
  update rate_limits set hits = greatest(hits - 1, 0) where key = $1
`;
