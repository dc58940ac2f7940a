/**
 * Asset URLs come from the server; only http(s) and blob URLs are ever put in src/href, so a
 * `javascript:` URL can never run. Relative URLs (local storage's `/files/...`) resolve against the API.
 */
export function safeUrl(url: string | null | undefined, apiUrl: string): string | undefined {
  if (!url) return undefined;
  try {
    const base = apiUrl || globalThis.location?.href;
    const resolved = new URL(url, base);
    return ['http:', 'https:', 'blob:'].includes(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
