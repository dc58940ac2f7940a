/**
 * The widget's whole stylesheet. It is adopted as a constructable stylesheet, which a strict CSP
 * (`style-src 'self'`, no 'unsafe-inline') allows, unlike a <style> element.
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
.launcher{width:56px;height:56px;border-radius:50%;display:grid;place-items:center;box-shadow:var(--sh)}
.panel{width:384px;height:min(640px,calc(100vh - 108px));background:var(--bg);border:1px solid var(--ln);border-radius:16px;box-shadow:var(--sh);display:flex;flex-direction:column;overflow:hidden}
.wait{display:grid;place-items:center;padding:24px;text-align:center;color:var(--mu)}
.head{display:flex;align-items:center;gap:12px;padding:14px 14px 14px 16px;background:var(--alfie-accent);color:var(--alfie-on-accent)}
.head h2{font-size:16px}.head p{font-size:12.5px}.head div{flex:1}
.mark{width:36px;height:36px;border-radius:12px;display:grid;place-items:center;background:#fff3}
.ib{width:36px;height:36px;border-radius:10px;border:0;background:none;display:grid;place-items:center}
.ib:hover:not(:disabled){background:#8882}.head .ib:focus-visible{outline-color:currentColor}
.banner{padding:8px 16px;background:var(--wbg);color:var(--w);font-size:13px}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.msg{max-width:86%;padding:9px 13px;border-radius:14px 14px 14px 4px;white-space:pre-wrap;overflow-wrap:anywhere;align-self:flex-start;background:var(--so);display:flex;flex-direction:column;gap:6px;align-items:flex-start}
.user{align-self:flex-end;background:var(--alfie-accent);color:var(--alfie-on-accent);border-radius:14px 14px 4px}
.error{background:var(--badbg);color:var(--bad)}
.list li{padding-left:14px;position:relative}.list li:before{content:"";position:absolute;left:2px;top:.6em;width:5px;height:5px;border-radius:50%;background:var(--alfie-accent)}
.mu{color:var(--mu);font-size:12.5px}
.dots{display:flex;gap:4px;padding:4px 0}.dots i{width:6px;height:6px;border-radius:50%;background:var(--mu);animation:b 1s infinite}
.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}@keyframes b{50%{opacity:.25}}
.card{align-self:stretch;background:var(--bg);border:1px solid var(--ln);border-radius:14px;padding:14px;display:flex;flex-direction:column;gap:8px;box-shadow:0 1px 2px #0f172a0d}
.compact{gap:2px;padding:10px 14px}.title{font-weight:700}
.sum{font-weight:600;font-size:13px;color:var(--mu)}.sum+.topic{margin-top:-6px}.topic{font-weight:600;overflow-wrap:anywhere;white-space:pre-wrap}
.grid{display:grid;grid-template-columns:auto 1fr;gap:8px 12px;align-items:center}
label{font-size:12.5px;color:var(--mu);font-weight:600}
select,input,textarea{border:1px solid var(--ln);border-radius:10px;background:var(--bg);padding:7px 10px;min-height:36px;width:100%}
textarea{resize:vertical}
.cost{font-size:13px;font-weight:600;background:var(--so);border-radius:10px;padding:7px 10px}.warn{background:var(--wbg);color:var(--w)}
.actions{display:flex;justify-content:flex-end;gap:8px}
.btn{border-radius:10px;padding:8px 14px;font-weight:600}.ghost{background:none;border:1px solid var(--ln)}
.primary:hover:not(:disabled){filter:brightness(1.1)}.small{padding:6px 12px;font-size:13px}
.bar{height:6px;border-radius:3px;background:var(--so);overflow:hidden}.bar span{display:block;height:100%;background:var(--alfie-accent);transition:width .4s}
.st{font-size:13px;color:var(--mu)}.good{color:var(--ok)}.bad{color:var(--bad)}
.stage{margin:0 auto;background:var(--so);border-radius:10px;overflow:hidden;touch-action:pan-y;user-select:none}
.stage div,.stage img{width:100%;height:100%}img{display:block;object-fit:contain;max-width:100%}
.ph{width:100%;min-height:80px;display:grid;place-items:center;color:var(--mu);font-size:12.5px;background:linear-gradient(100deg,var(--so) 30%,var(--ln) 50%,var(--so) 70%) 0/300% 100%;animation:s 1.4s linear infinite;border-radius:10px}
@keyframes s{to{background-position:-150% 0}}
.nav{display:flex;align-items:center;justify-content:space-between}.pips{display:flex;flex-wrap:wrap;justify-content:center}
.pip{width:22px;height:22px;border:0;background:none;display:grid;place-items:center;padding:0}
.pip:after{content:"";width:8px;height:8px;border-radius:4px;border:1.5px solid var(--mu)}.ready:after{background:var(--mu)}
.pip[aria-current]:after{background:var(--alfie-accent);border-color:var(--alfie-accent);width:18px}
.dl{display:inline-flex;align-items:center;gap:6px;color:var(--fg);font-weight:600;font-size:13px;text-decoration:none;padding:4px 2px}
.col{display:flex;flex-direction:column;gap:6px}.dl:hover{text-decoration:underline}.dl svg{width:16px}
.imgs{display:grid;gap:8px}.multi{grid-template-columns:1fr 1fr}.imgs img,video,.imgs .ph{margin:0 auto;border-radius:10px;background:var(--so)}
video{background:#000}
.lib{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;width:100%}
.lib a{color:inherit;text-decoration:none;font-size:12px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.lib img,.lib i{width:100%;aspect-ratio:1;object-fit:cover;border-radius:8px;background:var(--ln);display:block}
.composer{border-top:1px solid var(--ln);padding:10px 12px 12px;display:flex;flex-direction:column;gap:8px}
.chips{display:flex;flex-wrap:wrap;gap:6px}.chip{border:1px solid var(--ln);background:var(--bg);border-radius:99px;padding:5px 11px;font-size:12.5px}
.chip:hover{border-color:var(--alfie-accent)}
form.row{display:flex;gap:8px}.row input{border-radius:12px;padding:9px 12px;min-height:42px}
.send{width:42px;height:42px;flex:none;border-radius:12px;display:grid;place-items:center}
@media (max-width:479px){.alfie{bottom:16px;right:16px}.alfie[data-position=bottom-left]{left:16px}
.panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0;border:0}.alfie[data-open=true] .launcher{display:none}}
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
