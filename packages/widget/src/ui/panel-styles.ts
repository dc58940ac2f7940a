/**
 * The conversation's rules (header, messages, cards, results, composer), adopted into the shadow root
 * when the panel's code arrives: they ship in `alfie-widget-panel-<locale>.js`, not in the entry. The launcher,
 * the panel's frame and the theme variables are in src/styles.ts.
 */
export const panelCss = `
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
.dl{display:inline-flex;align-items:center;gap:6px;color:var(--fg);font-weight:600;font-size:13px;text-decoration:none;padding:4px 2px;background:none;border:0;cursor:pointer;font-family:inherit}.dl[disabled]{opacity:.6;cursor:progress}.dls{display:flex;flex-wrap:wrap;gap:4px 14px}.dlerr{display:block;color:var(--bad);font-size:12px}
.col{display:flex;flex-direction:column;gap:6px}.dl:hover{text-decoration:underline}.dl svg{width:16px}
.imgs{display:grid;gap:8px}.multi{grid-template-columns:1fr 1fr}.imgs img,video,.imgs .ph{margin:0 auto;border-radius:10px;background:var(--so)}
video{background:#000}
.zoom{padding:0;border:0;background:none;cursor:zoom-in;display:block;max-width:100%}
.composer{border-top:1px solid var(--ln);padding:10px 12px 12px;display:flex;flex-direction:column;gap:8px}
.chips{display:flex;flex-wrap:wrap;gap:6px}.chip{border:1px solid var(--ln);background:var(--bg);border-radius:99px;padding:5px 11px;font-size:12.5px}
.chip:hover{border-color:var(--alfie-accent)}
form.row{display:flex;gap:8px}.row input{border-radius:12px;padding:9px 12px;min-height:42px}
.send{width:42px;height:42px;flex:none;border-radius:12px;display:grid;place-items:center}
`;
