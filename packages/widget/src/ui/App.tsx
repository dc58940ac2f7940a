import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { launcherText } from '../i18n/launcher.js';
import { useWidget, useWidgetState } from './context.js';
import { ChatIcon, CloseIcon } from './icons.js';

export interface AppProps {
  /** The conversation panel, once its code has arrived. */
  Panel: ComponentType | null;
  /** The panel's code could not be loaded (the next open tries again). */
  loadFailed: boolean;
  /** Starts loading the panel's code (launcher hovered or focused: a click is likely). */
  prefetch: () => void;
}

/** The launcher button and, when open, the chat panel (or a short loading state until its code is in). */
export function App({ Panel, loadFailed, prefetch }: AppProps) {
  const { store, locale, theme, position } = useWidget();
  const text = launcherText[locale];
  const open = useWidgetState((s) => s.open);
  // Orders that ended while the panel was closed.
  const unseen = useWidgetState((s) => s.unseen);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    // Focus goes back to the launcher when the panel closes (Escape, close button, API).
    if (wasOpen.current && !open) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div class="alfie" data-open={String(open)} data-theme={theme} data-position={position}>
      {open &&
        (Panel ? <Panel /> : <Waiting text={loadFailed ? text.failed : text.loading} failed={loadFailed} />)}
      <button
        ref={launcher}
        type="button"
        class="launcher"
        aria-label={open ? text.close : unseen ? `${text.open} (${unseen} ${text.ready})` : text.open}
        aria-expanded={open}
        aria-controls="alfie-panel"
        onClick={() => store.setState({ open: !open })}
        onPointerEnter={prefetch}
        onFocus={prefetch}
      >
        {open ? <CloseIcon /> : <ChatIcon />}
        {!open && unseen > 0 && (
          <span class="badge" aria-hidden="true">
            {unseen}
          </span>
        )}
      </button>
    </div>
  );
}

/** Stands in for the panel until its code is in: focused (so Escape works and it is announced), busy. */
function Waiting({ text, failed }: { text: string; failed: boolean }) {
  const { store } = useWidget();
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.focus(), []);
  return (
    <section
      ref={section}
      id="alfie-panel"
      class="panel wait"
      role="dialog"
      aria-label="Alfie"
      aria-busy={!failed}
      tabIndex={-1}
      onKeyDown={(event) => event.key === 'Escape' && store.setState({ open: false })}
    >
      <p role={failed ? 'alert' : 'status'}>{text}</p>
    </section>
  );
}
