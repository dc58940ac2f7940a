import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { adoptStyles } from '../styles.js';
import { type Extras, extrasApart, extrasNow, loadExtras } from './extras-source.js';

type Name = Exclude<keyof Extras, 'css' | 'strings'>;

/** Shadow roots that have the extras' rules already (one per widget of the page). */
const styled = new WeakSet<Node>();

/**
 * One of the parts a first conversation never shows (extras.ts), by name: `<Extra name="QuotaAnswer"
 * props={{ quota }} />`. In the script tag it shows once alfie-widget-extras.js is in (fetched by the
 * first <Extra> mounted; nothing shows until then, and a failed fetch is tried again by the next one).
 * There a hidden marker finds the widget's shadow root, which gets the extras' rules before their first
 * paint; and the message list, which follows new content on `load` events as for an image, gets one
 * when a part that waited appears.
 */
export function Extra<N extends Name>({ name, props }: { name: N; props: ComponentProps<Extras[N]> }) {
  const [extras, setExtras] = useState(extrasNow);
  const [waited] = useState(!extras);
  const marker = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!extras) loadExtras().then(setExtras, () => {});
  }, []);
  useLayoutEffect(() => {
    const root = marker.current?.getRootNode();
    if (!extras || !root) return;
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      adoptStyles(root, extras.css);
    }
    if (waited) marker.current?.dispatchEvent(new Event('load'));
  }, [extras]);
  // Typed at the call (`props` matches `name`); here any of them.
  const Component = extras?.[name] as FunctionComponent<object> | undefined;
  return (
    <>
      {Component && <Component {...(props as object)} />}
      {extrasApart && <i ref={marker} hidden />}
    </>
  );
}
