import type { FileDownload } from '@alfie/core';
import { useState } from 'preact/hooks';
import { useWidget } from './context.js';
import { DownloadIcon } from './icons.js';
import { safeUrl } from './safe-url.js';

/**
 * A download button. A plain link cannot do it: the files live on the API's origin, so the
 * browser would ignore `download` and open a tab. The file is fetched through the API instead
 * (authenticated, with the name the server gives it) and saved under that name.
 */
export function Download({ label, fetchFile }: { label: string; fetchFile: () => Promise<FileDownload> }) {
  const { t } = useWidget();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <span class="dlw">
      <button
        type="button"
        class="dl"
        aria-busy={state === 'busy'}
        disabled={state === 'busy'}
        onClick={async () => {
          setState('busy');
          try {
            await saveFile(await fetchFile());
            setState('idle');
          } catch {
            setState('failed');
          }
        }}
      >
        <DownloadIcon />
        {label}
      </button>
      {state === 'failed' && (
        <span class="dlerr" role="alert">
          {t.downloadFailed}
        </span>
      )}
    </span>
  );
}

/** Hands the body to the browser as a file named `fileName` (an object URL on a `download` link). */
async function saveFile(file: FileDownload): Promise<void> {
  const url = URL.createObjectURL(await file.response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Chromium and Firefox read the blob after click() returns: revoke it once they have.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Resolves asset URLs against the API and drops anything that is not http(s) (see safe-url.ts). */
export function useSafeUrl() {
  const { apiUrl } = useWidget();
  return (url: string | null | undefined) => safeUrl(url, apiUrl);
}
