import { type AlfieClient, createAlfieClient } from '@alfie/core';
import { FAKE_API_URL } from '@alfie/test-kit/fixtures';
import { type RenderResult, render } from '@testing-library/react';
import { type ReactElement, type ReactNode, StrictMode } from 'react';
import { AlfieProvider } from '../../src/index.js';

export const BASE_URL = FAKE_API_URL;

export function testClient(): AlfieClient {
  // firstEventTimeout off: msw streams are never buffered, and a test must not fall back to polling.
  return createAlfieClient({
    baseUrl: BASE_URL,
    token: 'test-token',
    retry: 0,
    live: { firstEventTimeout: 0 },
  });
}

/** Renders under an <AlfieProvider> (and StrictMode unless told otherwise), like a real app. */
export interface AlfieRenderResult extends Omit<RenderResult, 'rerender'> {
  client: AlfieClient;
  rerender(next: ReactElement): void;
}

export function renderWithAlfie(
  ui: ReactElement,
  { client = testClient(), strict = true } = {},
): AlfieRenderResult {
  const wrap = (node: ReactNode) => (
    <AlfieProvider client={client}>{strict ? <StrictMode>{node}</StrictMode> : node}</AlfieProvider>
  );
  const result = render(wrap(ui));
  return { ...result, client, rerender: (next: ReactElement) => result.rerender(wrap(next)) };
}
