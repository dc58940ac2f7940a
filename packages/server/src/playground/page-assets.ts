/**
 * The playground's script, served as /playground/app.js. It gives the widget its token (the
 * `alfiePlaygroundToken` callback named by `data-token-callback`, a short-lived demo token from
 * /playground/session, renewed before it expires) and keeps the order list current. Every value is
 * written with textContent: nothing from the API is ever parsed as HTML.
 */
export const PLAYGROUND_SCRIPT = `(() => {
  'use strict';
  let session = null;
  let pending = null;
  function loadSession() {
    if (session && Date.parse(session.expiresAt) - Date.now() > 60000) return Promise.resolve(session);
    pending = pending || fetch('/playground/session', { cache: 'no-store' })
      .then((res) => {
        if (!res.ok) throw new Error('The playground session was refused (' + res.status + ')');
        return res.json();
      })
      .then((body) => { session = body; return body; })
      .finally(() => { pending = null; });
    return pending;
  }
  window.alfiePlaygroundToken = () => loadSession().then((s) => s.token);

  const list = document.getElementById('orders');
  const empty = document.getElementById('orders-empty');
  const cell = (tag, className, text) => {
    const el = document.createElement(tag);
    el.className = className;
    el.textContent = text;
    return el;
  };
  function render(orders) {
    empty.hidden = orders.length > 0;
    list.replaceChildren(...orders.map((order) => {
      const item = document.createElement('li');
      item.className = 'order';
      item.dataset.status = order.status;
      const what = order.type === 'carousel' ? order.count + ' slides' : order.type === 'video' ? 'video' : order.count + ' image' + (order.count > 1 ? 's' : '');
      item.append(
        cell('span', 'topic', order.topic),
        cell('span', 'what', what),
        cell('span', 'status', order.status),
        cell('time', 'when', new Date(order.createdAt).toLocaleTimeString()),
      );
      return item;
    }));
  }
  let busy = false;
  async function refresh() {
    if (busy) return;
    busy = true;
    try {
      const { token } = await loadSession();
      const res = await fetch('/v1/orders?limit=10', { headers: { authorization: 'Bearer ' + token } });
      if (res.ok) render((await res.json()).data);
    } catch (error) {
      console.warn('alfie playground:', error);
    } finally {
      busy = false;
    }
  }
  refresh();
  setInterval(refresh, 2000);
})();
`;

export const PLAYGROUND_STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;background:#f8fafc}
body{margin:0;padding:32px clamp(16px,4vw,48px);max-width:760px}
h1{margin:0 0 8px;font-size:28px}h2{font-size:18px;margin:28px 0 10px}
p{line-height:1.5;margin:0 0 12px}q{font-style:italic}
nav{display:flex;flex-wrap:wrap;gap:10px 18px;margin-top:12px}
nav a{color:#1e3a8a;font-weight:600}
ol{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.order{display:grid;grid-template-columns:1fr auto auto auto;gap:12px;align-items:center;background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:10px 14px}
.topic{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.what,.when{color:#475569;font-size:14px}
.status{font-size:13px;font-weight:600;padding:2px 8px;border-radius:999px;background:#e2e8f0}
[data-status=completed] .status{background:#dcfce7;color:#166534}
[data-status=failed] .status,[data-status=partial] .status{background:#fee2e2;color:#991b1b}
[data-status=processing] .status,[data-status=pending] .status{background:#e0e7ff;color:#1e3a8a}
ul{line-height:1.6;padding-left:20px}
`;
