/** Escapes text for an HTML attribute or element: the page is built from values, never from input. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The playground at `/`: what a newcomer sees after `npm run quickstart`. The widget is embedded
 * with its one script tag, signed in as the demo user through `data-token-callback` (the token
 * is fetched by the page's script, never written into the HTML), next to the live list of orders
 * and links to the API reference, the admin dashboard and the docs. No inline script or style, so
 * the strict Content-Security-Policy sent with it holds.
 */
export function playgroundPage(input: { apiUrl: string; brandId: string }): string {
  const apiUrl = escapeHtml(input.apiUrl);
  const brandId = escapeHtml(input.brandId);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Alfie playground</title>
    <link rel="stylesheet" href="/playground/app.css" />
  </head>
  <body>
    <header>
      <h1>Alfie is running</h1>
      <p>Ask the chat for a visual, in French or English: <q>Fais-moi un carrousel de 5 slides sur les tendances marketing 2025</q>, <q>a 15 second video about coffee</q>.</p>
      <nav aria-label="Links">
        <a href="/openapi.json">API reference (OpenAPI)</a>
        <a href="/admin">Admin dashboard</a>
        <a href="https://www.npmjs.com/package/@alfie/server">Docs</a>
      </nav>
    </header>
    <main>
      <section aria-labelledby="orders-title">
        <h2 id="orders-title">Orders of the demo user</h2>
        <p id="orders-empty">No order yet: ask the chat.</p>
        <ol id="orders" aria-live="polite"></ol>
      </section>
      <section aria-labelledby="formats-title">
        <h2 id="formats-title">What comes out</h2>
        <ul>
          <li>Images and carousel slides: PNG, in the brand's colours.</li>
          <li>A whole carousel: a ZIP of its slides, or a PDF with one page per slide (LinkedIn).</li>
          <li>Videos: MP4 (H.264, AAC), ready for Instagram, TikTok and LinkedIn.</li>
        </ul>
      </section>
    </main>
    <script src="/playground/app.js"></script>
    <script
      src="/playground/alfie-widget.js"
      data-api-url="${apiUrl}"
      data-brand-id="${brandId}"
      data-token-callback="alfiePlaygroundToken"
      data-open="true"
    ></script>
  </body>
</html>
`;
}

/** The page's policy: everything from this server; images and videos may also come from https storage. */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob: https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
