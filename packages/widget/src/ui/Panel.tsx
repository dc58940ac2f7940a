import { useEffect, useRef } from 'preact/hooks';
import { Composer } from './Composer.js';
import { useWidget, useWidgetState } from './context.js';
import { CloseIcon, SparkIcon } from './icons.js';
import { MessageList } from './MessageList.js';

export function Panel() {
  const { store, t } = useWidget();
  const announcement = useWidgetState((s) => s.announcement);
  const reconnecting = useWidgetState((s) => Object.values(s.orders).some((o) => o.reconnecting && !o.done));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const close = () => store.setState({ open: false });

  return (
    <section
      id="alfie-panel"
      class="panel"
      role="dialog"
      aria-labelledby="alfie-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        } else if (event.key === 'Tab') keepFocusInside(event);
      }}
    >
      <header class="head">
        <span class="mark" aria-hidden="true">
          <SparkIcon />
        </span>
        <div>
          <h2 id="alfie-title">{t.title}</h2>
          <p>{t.subtitle}</p>
        </div>
        <button type="button" class="ib" aria-label={t.close} onClick={close}>
          <CloseIcon />
        </button>
      </header>
      {reconnecting && (
        <p class="banner" role="status">
          {t.reconnecting}
        </p>
      )}
      <MessageList />
      <Composer inputRef={input} />
      <p class="sr" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}

/** Full-screen on a phone the panel is modal: Tab cycles inside it instead of reaching the hidden page. */
function keepFocusInside(event: KeyboardEvent): void {
  if (!globalThis.matchMedia?.('(max-width: 479px)').matches) return;
  const panel = event.currentTarget as HTMLElement;
  const focusable = panel.querySelectorAll<HTMLElement>(
    'button:not([disabled]),input,select,textarea,a[href],[tabindex="0"]',
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = (panel.getRootNode() as ShadowRoot).activeElement;
  if (event.shiftKey ? active === first : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  }
}
