#!/usr/bin/env node
// A tiny static server for the embed example: it serves index.html (with the API URL and token filled
// in), host.css and the built widget (entry and lazily loaded panel), under a strict Content-Security-Policy header.
//
//   ALFIE_API_URL=http://localhost:8787 ALFIE_TOKEN=eyJ... node examples/embed-html/serve.mjs
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const widgetDist = join(here, '../../packages/widget/dist');
const apiUrl = (process.env.ALFIE_API_URL ?? 'http://localhost:8787').replace(/\/$/, '');
const apiOrigin = new URL(apiUrl).origin;

const escapeAttr = (value) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

const values = {
  API_URL: apiUrl,
  API_ORIGIN: apiOrigin,
  BRAND_ID: process.env.ALFIE_BRAND_ID ?? '',
  TOKEN: process.env.ALFIE_TOKEN ?? '',
  LOCALE: process.env.ALFIE_LOCALE ?? 'fr',
  THEME: process.env.ALFIE_THEME ?? 'light',
};

const csp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' ${apiOrigin} data: blob:`,
  `media-src 'self' ${apiOrigin} blob:`,
  `connect-src 'self' ${apiOrigin}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const files = {
  '/': ['index.html', here, 'text/html; charset=utf-8'],
  '/index.html': ['index.html', here, 'text/html; charset=utf-8'],
  '/host.css': ['host.css', here, 'text/css; charset=utf-8'],
  '/alfie-widget.js': ['alfie-widget.js', widgetDist, 'text/javascript; charset=utf-8'],
  '/alfie-widget.js.map': ['alfie-widget.js.map', widgetDist, 'application/json'],
  // The conversation panel, one file per locale: alfie-widget.js loads the one it needs from its own
  // folder on demand.
  '/alfie-widget-panel-fr.js': ['alfie-widget-panel-fr.js', widgetDist, 'text/javascript; charset=utf-8'],
  '/alfie-widget-panel-fr.js.map': ['alfie-widget-panel-fr.js.map', widgetDist, 'application/json'],
  '/alfie-widget-panel-en.js': ['alfie-widget-panel-en.js', widgetDist, 'text/javascript; charset=utf-8'],
  '/alfie-widget-panel-en.js.map': ['alfie-widget-panel-en.js.map', widgetDist, 'application/json'],
  // What a first conversation never shows (quota, library and help answers, enlarged image, reuse
  // offer, variant picker): the panel loads it from its own folder the first time one is shown.
  '/alfie-widget-extras.js': ['alfie-widget-extras.js', widgetDist, 'text/javascript; charset=utf-8'],
  '/alfie-widget-extras.js.map': ['alfie-widget-extras.js.map', widgetDist, 'application/json'],
};

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = files[path];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  try {
    let body = await readFile(join(file[1], file[0]));
    if (file[0] === 'index.html') {
      body = body
        .toString('utf8')
        .replace(/%([A-Z_]+)%/g, (match, key) => (key in values ? escapeAttr(values[key]) : match));
    }
    res.writeHead(200, {
      'content-type': file[2],
      'content-security-policy': csp,
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res
      .writeHead(500, { 'content-type': 'text/plain' })
      .end(`Missing ${file[0]}: run pnpm --filter @alfie/widget build`);
  }
});

server.listen(Number(process.env.PORT ?? 5173), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`Embed example on http://127.0.0.1:${port} (API ${apiUrl})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
