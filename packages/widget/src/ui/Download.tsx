import { useWidget } from './context.js';
import { DownloadIcon } from './icons.js';
import { safeUrl } from './safe-url.js';

/** A download link; `href` has already been checked by safeUrl. */
export function Download({ href, label }: { href: string; label: string }) {
  return (
    <a class="dl" href={href} download target="_blank" rel="noopener noreferrer">
      <DownloadIcon />
      {label}
    </a>
  );
}

/** Resolves asset URLs against the API and drops anything that is not http(s) (see safe-url.ts). */
export function useSafeUrl() {
  const { apiUrl } = useWidget();
  return (url: string | null | undefined) => safeUrl(url, apiUrl);
}
