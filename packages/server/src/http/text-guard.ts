import type { ValidationIssue } from '@alfie/core/contract';

// A lone high surrogate not followed by a low one, or a lone low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unsafe(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * Text PostgreSQL cannot store: NUL (refused in `text` and `jsonb`) and unpaired UTF-16
 * surrogates (not Unicode, so not UTF-8). Found before any query, they are the caller's mistake
 * (400) instead of a database error (500). Walks every string and key of a parsed body or query.
 *
 * @example
 * unsafeTextIssues({ name: 'a\u0000b' }); // [{ path: '/name', message: '…' }]
 */
export function unsafeTextIssues(value: unknown, path = ''): ValidationIssue[] {
  if (typeof value === 'string') {
    return unsafe(value)
      ? [{ path: path || '/', message: 'must not contain NUL characters or unpaired surrogates' }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeTextIssues(item, `${path}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const at = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      return unsafe(key)
        ? [{ path: at, message: 'must not contain NUL characters or unpaired surrogates' }]
        : unsafeTextIssues(item, at);
    });
  }
  return [];
}
