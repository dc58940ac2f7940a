import { HANDSHAKE, type PanelHandshake, type SharedModules } from './shared.js';

/**
 * `file` in the folder of the script at `src`, with that script's query string (a cache-busting `?v=`
 * reaches it too): the panel beside the entry, alfie-widget-extras.js beside the panel.
 * @example besideScript('alfie-widget-panel-fr.js', 'https://cdn.example/w/alfie-widget.js?v=3') // 'https://cdn.example/w/alfie-widget-panel-fr.js?v=3'
 */
export function besideScript(file: string, src: string): string {
  const url = new URL(file, src);
  url.search = new URL(src).search;
  return url.href;
}

/**
 * Runs one of the widget's files (a panel, or alfie-widget-extras.js) with a plain `<script src>`
 * (allowed by `script-src 'self'` or the CDN's origin: no eval, no blob:, no inline code) and
 * resolves with what it defines. Its <script> element carries the entry's shared modules (shared.ts);
 * the panel gets this function from the entry too, so both files come the same way.
 */
export function loadScript<T>(url: string, nonce: string | undefined, modules: SharedModules): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const handshake: PanelHandshake = { modules, define: (defined) => resolve(defined as T) };
    Object.assign(script, { [HANDSHAKE]: handshake });
    script.src = url;
    script.async = true;
    // A page using nonces without 'strict-dynamic' lets the script in with the entry's nonce.
    if (nonce) script.nonce = nonce;
    script.onload = script.onerror = (event) => {
      script.remove(); // It has run (or failed): the element has nothing left to do.
      // Resolved already by a well-formed file; this only catches a 404 or a file that is not ours.
      reject(new Error(`alfie-widget: could not load ${url} (${(event as Event).type})`));
    };
    document.head.appendChild(script);
  });
}
