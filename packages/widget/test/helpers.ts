import { within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { type AlfieWidget, mountAlfieWidget, type WidgetOptions } from '../src/index.js';
import { API, BRAND } from './fake-api.js';

/** A JWT-shaped token (the widget only reads `sub` to key its storage; the fake API does not verify). */
export function fakeToken(sub = 'user-1'): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${part({ alg: 'HS256' })}.${part({ sub, exp: 4102444800 })}.signature`;
}

export async function mountForTest(options: Partial<WidgetOptions> = {}) {
  const widget = mountAlfieWidget({
    apiUrl: API,
    brandId: BRAND,
    token: fakeToken(),
    locale: 'fr',
    ...options,
  });
  await widget.ready;
  // Testing Library's waitFor wants an element, not a ShadowRoot: use the mount point inside it.
  const root = widget.host.shadowRoot!.querySelector('div') as HTMLElement;
  const user = userEvent.setup({ document });
  return { widget, root, screen: within(root), user };
}

export async function say(
  ctx: { root: HTMLElement; user: ReturnType<typeof userEvent.setup> },
  text: string,
) {
  const input = within(ctx.root).getByRole('textbox', { name: /votre message|your message/i });
  await ctx.user.type(input, `${text}{Enter}`);
}

export function destroyAll(widgets: AlfieWidget[]) {
  for (const widget of widgets.splice(0)) widget.destroy();
}
