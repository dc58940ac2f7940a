import { useEffect, useRef, useState } from 'preact/hooks';
import { useWidget } from './context.js';

/**
 * An image that opens at full panel size on click (Escape, a click or the close button shrink it
 * back, and focus returns to the image).
 */
export function Enlargeable({
  src,
  alt,
  style,
}: {
  src: string;
  alt: string;
  style: Record<string, string>;
}) {
  const { t } = useWidget();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  const shrink = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    <>
      <button
        ref={trigger}
        type="button"
        class="zoom"
        aria-label={t.enlarge(alt)}
        onClick={() => setOpen(true)}
      >
        <img src={src} alt={alt} style={style} />
      </button>
      {open && (
        <div
          class="big"
          role="dialog"
          aria-label={alt}
          onClick={shrink}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation(); // the panel itself closes on Escape
            shrink();
          }}
        >
          <img src={src} alt={alt} />
          <button ref={close} type="button" class="btn ghost small" onClick={shrink}>
            {t.close}
          </button>
        </div>
      )}
    </>
  );
}
