/**
 * The stylesheet of the launcher and of the panel's frame (size, position, full-screen on phones, the
 * loading state): what the script-tag entry needs before the panel's code arrives. The conversation's
 * own rules travel with it (src/ui/panel-styles.ts). Both are adopted as constructable stylesheets,
 * which a strict CSP (`style-src 'self'`, no 'unsafe-inline') allows, unlike a <style> element.
 *
 * Theming: host pages set these custom properties on the `alfie-widget` element (or pass options):
 * --alfie-accent, --alfie-on-accent, --alfie-z-index, --alfie-font.
 */
export const css = `
:host{all:initial!important;display:block!important;position:static!important;--alfie-accent:#4f46e5;--alfie-on-accent:#fff;--alfie-z-index:2147483000;--alfie-font:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.alfie{--bg:#fff;--fg:#0f172a;--mu:#475569;--ln:#e2e8f0;--so:#f1f5f9;--bad:#b91c1c;--badbg:#fef2f2;--ok:#15803d;--wbg:#fffbeb;--w:#92400e;--sh:0 12px 40px #0f172a2e,0 2px 8px #0f172a14;
font:14px/1.45 var(--alfie-font);color:var(--fg);text-align:left;position:fixed;z-index:var(--alfie-z-index);bottom:20px;right:20px;display:flex;flex-direction:column;align-items:flex-end;gap:12px}
.alfie[data-theme=dark]{--bg:#0f172a;--fg:#e2e8f0;--mu:#a3b1c6;--ln:#334155;--so:#1e293b;--bad:#fca5a5;--badbg:#3b1219;--ok:#86efac;--wbg:#3a2a0c;--w:#fcd34d;--sh:0 12px 40px #0008}
.alfie[data-position=bottom-left]{right:auto;left:20px;align-items:flex-start}
*{box-sizing:border-box}h2,p,ul{margin:0;padding:0}ul{list-style:none}
button,input,select,textarea{font:inherit;color:inherit;margin:0}button{cursor:pointer}button:disabled{cursor:default;opacity:.5}
:focus-visible{outline:2px solid var(--alfie-accent);outline-offset:2px}[hidden]{display:none!important}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.launcher,.send,.primary{background:var(--alfie-accent);color:var(--alfie-on-accent);border:0}
.launcher{width:56px;height:56px;border-radius:50%;display:grid;place-items:center;box-shadow:var(--sh);position:relative}
.badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:var(--bad);color:#fff;font-size:12px;line-height:20px;text-align:center}
.panel{position:relative;width:384px;height:min(640px,calc(100vh - 108px));background:var(--bg);border:1px solid var(--ln);border-radius:16px;box-shadow:var(--sh);display:flex;flex-direction:column;overflow:hidden}
.wait{display:grid;place-items:center;padding:24px;text-align:center;color:var(--mu)}
@media (max-width:479px){.alfie{bottom:16px;right:16px}.alfie[data-position=bottom-left]{left:16px}
.panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0;border:0}.alfie[data-open=true] .launcher{display:none}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;

const sheets = new Map<string, CSSStyleSheet>();

/** Adopts a stylesheet into a shadow root; each one is built once and shared by every widget of the page. */
export function adoptStyles(root: ShadowRoot, text: string = css): void {
  const canAdopt = typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype;
  if (canAdopt && 'adoptedStyleSheets' in root) {
    let sheet = sheets.get(text);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      sheets.set(text, sheet);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // Browsers without constructable stylesheets (Safari < 16.4) need `style-src 'unsafe-inline'` for this.
  const style = root.ownerDocument.createElement('style');
  style.textContent = text;
  root.appendChild(style);
}
