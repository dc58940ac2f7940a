/**
 * The widget's whole stylesheet. It is adopted as a constructable stylesheet, which a strict CSP
 * (`style-src 'self'`, no 'unsafe-inline') allows, unlike a <style> element.
 *
 * Theming: host pages set these custom properties on the `alfie-widget` element (or pass options):
 * --alfie-accent, --alfie-on-accent, --alfie-z-index, --alfie-radius, --alfie-font.
 */
export const css = `
:host{all:initial!important;display:block!important;position:static!important;
--alfie-accent:#4f46e5;--alfie-on-accent:#fff;--alfie-z-index:2147483000;--alfie-radius:16px;
--alfie-font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.alfie{--bg:#fff;--fg:#0f172a;--muted:#475569;--line:#e2e8f0;--soft:#f1f5f9;--card:#fff;--bad:#b91c1c;--badbg:#fef2f2;
--good:#15803d;--warnbg:#fffbeb;--warn:#92400e;--shadow:0 12px 40px rgba(15,23,42,.18),0 2px 8px rgba(15,23,42,.08);
font:14px/1.45 var(--alfie-font);color:var(--fg);-webkit-font-smoothing:antialiased;text-align:left;
position:fixed;z-index:var(--alfie-z-index);bottom:20px;right:20px;display:flex;flex-direction:column;align-items:flex-end;gap:12px}
.alfie[data-theme=dark]{--bg:#0f172a;--fg:#e2e8f0;--muted:#a3b1c6;--line:#334155;--soft:#1e293b;--card:#111c31;--bad:#fca5a5;
--badbg:#3b1219;--good:#86efac;--warnbg:#3a2a0c;--warn:#fcd34d;--shadow:0 12px 40px rgba(0,0,0,.5)}
@media (prefers-color-scheme:dark){.alfie[data-theme=auto]{--bg:#0f172a;--fg:#e2e8f0;--muted:#a3b1c6;--line:#334155;
--soft:#1e293b;--card:#111c31;--bad:#fca5a5;--badbg:#3b1219;--good:#86efac;--warnbg:#3a2a0c;--warn:#fcd34d;--shadow:0 12px 40px rgba(0,0,0,.5)}}
.alfie[data-position=bottom-left]{right:auto;left:20px;align-items:flex-start}
*,*::before,*::after{box-sizing:border-box}
h2,p,ul{margin:0;padding:0}ul{list-style:none}
button,input,select,textarea{font:inherit;color:inherit;margin:0}
button{cursor:pointer}button:disabled{cursor:not-allowed;opacity:.5}
:focus-visible{outline:2px solid var(--alfie-accent);outline-offset:2px}
[hidden]{display:none!important}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--alfie-accent);color:var(--alfie-on-accent);
display:grid;place-items:center;box-shadow:var(--shadow);transition:transform .15s}
.launcher:hover{transform:scale(1.06)}.launcher svg{width:26px;height:26px}
.panel{width:384px;height:min(640px,calc(100vh - 108px));background:var(--bg);border-radius:var(--alfie-radius);
box-shadow:var(--shadow);display:flex;flex-direction:column;overflow:hidden;border:1px solid var(--line);animation:pop .18s ease-out}
@keyframes pop{from{opacity:0;transform:translateY(8px) scale(.98)}}
.head{display:flex;align-items:center;gap:12px;padding:14px 14px 14px 16px;background:var(--alfie-accent);color:var(--alfie-on-accent)}
.head h2{font-size:16px;font-weight:700;line-height:1.2}.head p{font-size:12.5px;opacity:.92}
.head-text{flex:1;min-width:0}
.mark{width:36px;height:36px;border-radius:12px;display:grid;place-items:center;background:rgba(255,255,255,.18)}
.icon-btn{width:36px;height:36px;border-radius:10px;border:0;background:transparent;color:inherit;display:grid;place-items:center}
.icon-btn:hover:not(:disabled){background:rgba(127,127,127,.16)}
.head .icon-btn:focus-visible{outline-color:var(--alfie-on-accent)}
.banner{padding:8px 16px;background:var(--warnbg);color:var(--warn);font-size:13px;border-bottom:1px solid var(--line)}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;background:var(--bg);overscroll-behavior:contain}
.msg{max-width:86%;padding:9px 13px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.bot{align-self:flex-start;background:var(--soft);border-bottom-left-radius:4px}
.msg.user{align-self:flex-end;background:var(--alfie-accent);color:var(--alfie-on-accent);border-bottom-right-radius:4px}
.msg.error{background:var(--badbg);color:var(--bad);display:flex;flex-direction:column;gap:8px;align-items:flex-start}
.answer{display:flex;flex-direction:column;gap:6px}.answer.wide{max-width:100%;width:100%}
.muted{color:var(--muted);font-size:12.5px}
.quota-list li,.help-list li{padding-left:14px;position:relative}
.quota-list li::before,.help-list li::before{content:"";position:absolute;left:2px;top:.6em;width:5px;height:5px;border-radius:50%;background:var(--alfie-accent)}
.of{color:var(--muted)}
.typing{padding:12px 14px}.dots{display:inline-flex;gap:4px}
.dots i{width:6px;height:6px;border-radius:50%;background:var(--muted);animation:blink 1s infinite}
.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}
@keyframes blink{50%{opacity:.25}}
.card{align-self:stretch;background:var(--card);border:1px solid var(--line);border-radius:14px;padding:14px;
display:flex;flex-direction:column;gap:8px;box-shadow:0 1px 2px rgba(15,23,42,.05)}
.card.compact{gap:2px;padding:10px 14px}
.card-title{font-weight:700}
.summary{font-weight:600;font-size:13px;color:var(--muted)}
.topic-line{font-weight:600;overflow-wrap:anywhere;white-space:pre-wrap}
.badge{font-size:12px;color:var(--muted)}.badge.ok{color:var(--good)}
.grid{display:grid;grid-template-columns:auto 1fr;gap:8px 12px;align-items:center}
.grid label,.topic-label{font-size:12.5px;color:var(--muted);font-weight:600}
select,input[type=number],textarea,.input{border:1px solid var(--line);border-radius:10px;background:var(--bg);
padding:7px 10px;min-height:36px;width:100%}
textarea{resize:vertical;min-height:52px}
.cost{font-size:13px;font-weight:600;color:var(--fg);background:var(--soft);border-radius:10px;padding:7px 10px}
.cost.warn{background:var(--warnbg);color:var(--warn)}.warn-text{font-size:12.5px;color:var(--warn)}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:2px}
.btn{border-radius:10px;padding:8px 14px;font-weight:600;border:1px solid transparent}
.btn.primary{background:var(--alfie-accent);color:var(--alfie-on-accent)}
.btn.primary:hover:not(:disabled){filter:brightness(1.08)}
.btn.ghost{background:transparent;border-color:var(--line)}.btn.ghost:hover{background:var(--soft)}
.btn.small{padding:6px 12px;font-size:13px}
.progress{height:6px;border-radius:3px;background:var(--soft);overflow:hidden}
.progress span{display:block;height:100%;background:var(--alfie-accent);border-radius:3px;transition:width .4s}
.progress-wrap{display:flex;flex-direction:column;gap:6px}
.status-line{font-size:13px;color:var(--muted)}.status-line.good{color:var(--good)}.status-line.bad{color:var(--bad)}
.stage{position:relative;width:100%;max-height:360px;background:var(--soft);border-radius:10px;overflow:hidden;touch-action:pan-y;user-select:none}
.slide,.slide img{width:100%;height:100%}.slide img,.images img{display:block;object-fit:contain;-webkit-user-drag:none}
.placeholder{width:100%;height:100%;min-height:80px;display:grid;place-items:center;color:var(--muted);font-size:12.5px;
background:linear-gradient(100deg,var(--soft) 30%,var(--line) 50%,var(--soft) 70%) 0 0/300% 100%;animation:shine 1.4s linear infinite}
@keyframes shine{to{background-position:-150% 0}}
.carousel{display:flex;flex-direction:column;gap:6px;border-radius:10px}
.carousel-nav{display:flex;align-items:center;justify-content:space-between}
.dots-nav{display:flex;gap:2px;flex-wrap:wrap;justify-content:center}
.dot{width:22px;height:22px;border:0;background:transparent;display:grid;place-items:center;padding:0}
.dot::after{content:"";width:8px;height:8px;border-radius:50%;border:1.5px solid var(--muted);transition:all .2s}
.dot.ready::after{background:var(--muted)}
.dot[aria-current=true]::after{background:var(--alfie-accent);border-color:var(--alfie-accent);width:18px;border-radius:4px}
.download{display:inline-flex;align-items:center;gap:6px;color:var(--alfie-accent);font-weight:600;font-size:13px;text-decoration:none;align-self:flex-start;
padding:4px 2px;border-radius:6px}
.alfie[data-theme=dark] .download{color:var(--fg)}
.download:hover{text-decoration:underline}.download svg{width:16px;height:16px}
.images{display:grid;gap:8px}.images.multi{grid-template-columns:1fr 1fr}
.images li{display:flex;flex-direction:column;gap:4px}.images img{width:100%;border-radius:10px;background:var(--soft)}
.images .placeholder{border-radius:10px}
.video{display:flex;flex-direction:column;gap:6px}.video video{width:100%;max-height:360px;border-radius:10px;background:#000}
.library{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
.library a{display:flex;flex-direction:column;gap:2px;color:inherit;text-decoration:none;font-size:12px}
.library img,.thumb-fallback{width:100%;aspect-ratio:1;object-fit:cover;border-radius:8px;background:var(--line)}
.lib-format{color:var(--muted);font-weight:600}.lib-topic{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.composer{border-top:1px solid var(--line);padding:10px 12px 12px;background:var(--bg);display:flex;flex-direction:column;gap:8px}
.chips{display:flex;flex-wrap:wrap;gap:6px}
.chip{border:1px solid var(--line);background:var(--bg);border-radius:999px;padding:5px 11px;font-size:12.5px}
.chip:hover{border-color:var(--alfie-accent)}
.compose-row{display:flex;gap:8px}.input{flex:1;border-radius:12px;padding:9px 12px;min-height:42px}
.send{width:42px;height:42px;flex:none;border-radius:12px;border:0;background:var(--alfie-accent);color:var(--alfie-on-accent);display:grid;place-items:center}
@media (max-width:479px){.alfie{bottom:16px;right:16px}.alfie[data-position=bottom-left]{left:16px}
.panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0;border:0}
.alfie[data-open=true] .launcher{display:none}.stage{max-height:none}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;

let shared: CSSStyleSheet | null = null;

/** Adopts the stylesheet into a shadow root; one CSSStyleSheet is shared by every widget of the page. */
export function adoptStyles(root: ShadowRoot): void {
  const canAdopt = typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype;
  if (canAdopt && 'adoptedStyleSheets' in root) {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(css);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
    return;
  }
  // Browsers without constructable stylesheets (Safari < 16.4) need `style-src 'unsafe-inline'` for this.
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}
