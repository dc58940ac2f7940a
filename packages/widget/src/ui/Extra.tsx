import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type Extras, extrasNow, loadExtras } from './extras-source.js';

/**
 * One of the parts a first conversation never shows (extras.ts), by name: `<Extra name="QuotaAnswer"
 * props={{ quota }} />`. In the script tag it shows once alfie-widget-extras.js is in (fetched by the
 * first <Extra> mounted; nothing shows until then, and a failed fetch is tried again by the next one).
 * The message list follows new content on `load` events, as for an image: one that waited dispatches
 * one when it appears, from a hidden marker.
 */
export function Extra<N extends keyof Extras>({
  name,
  props,
}: {
  name: N;
  props: ComponentProps<Extras[N]>;
}) {
  const [extras, setExtras] = useState(extrasNow);
  const [waited] = useState(!extras);
  const marker = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!extras) loadExtras().then(setExtras, () => {});
  }, []);
  useLayoutEffect(() => {
    if (extras) marker.current?.dispatchEvent(new Event('load'));
  }, [extras]);
  // Typed at the call (`props` matches `name`); here any of them.
  const Component = extras?.[name] as FunctionComponent<object> | undefined;
  return (
    <>
      {Component && <Component {...(props as object)} />}
      {waited && <i ref={marker} hidden />}
    </>
  );
}
