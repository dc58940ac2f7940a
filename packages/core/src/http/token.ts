/**
 * Supplies the bearer token. Called before every request, and again with `forceRefresh: true` after a
 * 401, so a provider that refreshes sessions (see `fromSupabase`) just works. Return null to send none.
 */
export type TokenProvider = (context: {
  forceRefresh: boolean;
}) => string | null | undefined | Promise<string | null | undefined>;
