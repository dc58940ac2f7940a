import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '../../src/http/order-locale.js';

describe('localeFromAcceptLanguage', () => {
  it('picks the supported language the header prefers most', () => {
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(localeFromAcceptLanguage('en-US,fr;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('de;q=1, fr-CA;q=0.7, en;q=0.3')).toBe('fr');
    expect(localeFromAcceptLanguage('fr;q=0.2, en;q=0.9')).toBe('en');
  });

  it('answers null when it names none of them, or is empty', () => {
    expect(localeFromAcceptLanguage('de-DE,es;q=0.5')).toBeNull();
    expect(localeFromAcceptLanguage('')).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
    expect(localeFromAcceptLanguage('fr;q=0')).toBeNull();
  });
});
