import { useEffect, useRef, useState } from 'preact/hooks';
import { useWidget } from './context.js';
import { Extra } from './Extra.js';

/**
 * An image that opens at full panel size on click (Escape, a click or the close button shrink it
 * back, and focus returns to the image). The enlarged view is one of the extras (extras.ts): it
 * comes with them on the first click.
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
      {open && <Extra name="Enlarged" props={{ src, alt, onClose: shrink }} />}
    </>
  );
}

/** The enlarged image over the panel, its close button focused. */
export function Enlarged({ src, alt, onClose }: { src: string; alt: string; onClose(): void }) {
  const { t } = useWidget();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
  }, []);
  return (
    <div
      class="big"
      role="dialog"
      aria-label={alt}
      onClick={onClose}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation(); // the panel itself closes on Escape
        onClose();
      }}
    >
      <img src={src} alt={alt} />
      <button ref={close} type="button" class="btn ghost small" onClick={onClose}>
        {t.close}
      </button>
    </div>
  );
}
