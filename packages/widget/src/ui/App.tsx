import { useEffect, useRef } from 'preact/hooks';
import { useWidget, useWidgetState } from './context.js';
import { ChatIcon, CloseIcon } from './icons.js';
import { Panel } from './Panel.js';

/** The launcher button and, when open, the chat panel. */
export function App() {
  const { store, t, theme, position } = useWidget();
  const open = useWidgetState((s) => s.open);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    // Focus goes back to the launcher when the panel closes (Escape, close button, API).
    if (wasOpen.current && !open) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div class="alfie" data-open={String(open)} data-theme={theme} data-position={position}>
      {open && <Panel />}
      <button
        ref={launcher}
        type="button"
        class="launcher"
        aria-label={open ? t.closeLauncher : t.openLauncher}
        aria-expanded={open}
        aria-controls="alfie-panel"
        onClick={() => store.setState({ open: !open })}
      >
        {open ? <CloseIcon /> : <ChatIcon />}
      </button>
    </div>
  );
}
