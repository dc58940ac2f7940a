import { describe, expect, it } from 'vitest';
import { panelUrl } from '../src/embed/load-panel.js';
import { resolveLocale } from '../src/i18n/index.js';
import { optionsFromDataset } from '../src/options.js';
import { storageKey, userKeyFromToken } from '../src/state/persist.js';
import { textColorOn } from '../src/theme.js';
import { safeUrl } from '../src/ui/safe-url.js';
import { fakeToken } from './helpers.js';

describe('small pieces', () => {
  it('takes the locale from the option, then the browser, French or English', () => {
    expect(resolveLocale(undefined, 'fr-CA')).toBe('fr');
    expect(resolveLocale(undefined, 'de-DE')).toBe('en');
    expect(resolveLocale('en', 'fr-FR')).toBe('en');
  });

  it('reads every data-* option, and calls the token callback lazily', async () => {
    const globals: Record<string, unknown> = {};
    const options = optionsFromDataset(
      {
        apiUrl: 'https://api.test',
        brandId: 'b1',
        token: 't0',
        tokenCallback: 'getAlfieToken',
        locale: 'en',
        theme: 'dark',
        position: 'bottom-left',
        zIndex: '99',
        color: '#123456',
      },
      globals,
    );
    expect(options).toMatchObject({
      apiUrl: 'https://api.test',
      brandId: 'b1',
      token: 't0',
      locale: 'en',
      theme: 'dark',
      position: 'bottom-left',
      zIndex: 99,
      color: '#123456',
    });
    // Defined after the script ran, as host pages often do.
    globals.getAlfieToken = () => Promise.resolve('fresh');
    await expect(options.getToken?.()).resolves.toBe('fresh');
  });

  it('keys storage by the token subject, never the token', () => {
    const token = fakeToken('user-42');
    expect(userKeyFromToken(token)).toBe('user-42');
    expect(storageKey('b1', userKeyFromToken(token))).toBe('alfie-widget:v1:b1:user-42:default');
    expect(storageKey('b1', 'user-42')).not.toContain(token);
    expect(userKeyFromToken('not a jwt')).toBe('anonymous');
  });

  it('keeps brand-coloured buttons readable (AA) whatever the colour', () => {
    expect(textColorOn('#4f46e5')).toBe('#fff');
    expect(textColorOn('#facc15')).toBe('#0f172a');
    expect(textColorOn('#fff')).toBe('#0f172a');
    expect(textColorOn('rebeccapurple')).toBe('#fff');
  });

  it('only lets http(s) URLs into src and href', () => {
    expect(safeUrl('/files/a.png', 'https://api.test')).toBe('https://api.test/files/a.png');
    expect(safeUrl('javascript:alert(1)', 'https://api.test')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>', 'https://api.test')).toBeUndefined();
  });

  it('finds the panel file next to the entry script, or in data-assets-url', () => {
    expect(panelUrl('fr', undefined, 'https://cdn.example/w/1.2/alfie-widget.js?v=3')).toBe(
      'https://cdn.example/w/1.2/alfie-widget-panel-fr.js?v=3',
    );
    expect(panelUrl('en', 'https://static.example/alfie', 'https://cdn.example/alfie-widget.js')).toBe(
      'https://static.example/alfie/alfie-widget-panel-en.js',
    );
    expect(panelUrl('en', 'https://static.example/alfie/', undefined)).toBe(
      'https://static.example/alfie/alfie-widget-panel-en.js',
    );
    expect(panelUrl('fr', '/static/alfie', undefined, 'https://shop.example/p/1')).toBe(
      'https://shop.example/static/alfie/alfie-widget-panel-fr.js',
    );
    expect(() => panelUrl('fr', undefined, undefined)).toThrow(/data-assets-url/);
    expect(optionsFromDataset({ apiUrl: 'https://a.example', assetsUrl: '/static/' }).assetsUrl).toBe(
      '/static/',
    );
  });
});
