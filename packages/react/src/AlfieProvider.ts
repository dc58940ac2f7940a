import { type AlfieClient, type AlfieClientOptions, createAlfieClient } from '@alfie/core';
import { createElement, type ReactNode, useMemo, useRef } from 'react';
import { AlfieClientContext } from './context.js';

/** Give it a client you made, or the options to make one (`baseUrl` plus `token` or `getToken`). */
export type AlfieProviderProps = { children?: ReactNode } & (
  | { client: AlfieClient }
  | ({ client?: undefined } & AlfieClientOptions)
);

/**
 * Makes an Alfie client available to every hook below it. With options, the client is created once
 * per `baseUrl`; a new `token` or `getToken` is picked up on the next request without recreating it,
 * so open streams and observers survive a session refresh.
 *
 * @example
 * <AlfieProvider baseUrl="http://localhost:8787" getToken={() => session?.access_token ?? null}>
 *   <App />
 * </AlfieProvider>
 */
export function AlfieProvider(props: AlfieProviderProps): ReactNode {
  const options = props.client ? null : (props as AlfieClientOptions);
  // The latest props, read by the client when it sends a request (see `getToken` below).
  const latest = useRef(options);
  latest.current = options;

  const baseUrl = options?.baseUrl;
  // Only a new server means a new client; the other options are read once, like TanStack's QueryClient.
  const ownClient = useMemo(() => {
    const initial = latest.current;
    if (baseUrl === undefined || !initial) return null;
    const { token: _token, getToken: _getToken, ...rest } = initial;
    return createAlfieClient({
      ...rest,
      baseUrl,
      getToken: (context) => {
        const current = latest.current;
        return current?.getToken ? current.getToken(context) : (current?.token ?? null);
      },
    });
  }, [baseUrl]);

  const client = props.client ?? ownClient;
  return createElement(AlfieClientContext.Provider, { value: client }, props.children);
}
