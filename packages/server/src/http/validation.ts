import { requestSchemas, type ValidationIssue } from '@alfie/core/contract';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Context } from 'hono';
import { validationFailed } from '../errors.js';
import { unsafeTextIssues } from './text-guard.js';

// ajv-formats ships CommonJS with a default export; ESM sees it under `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

type SchemaName = keyof typeof requestSchemas;

function build(options: { coerceTypes: boolean }) {
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: options.coerceTypes });
  addFormats(ajv);
  return ajv;
}

// Bodies are validated as sent; query strings are all text, so those validators coerce numbers.
const bodyAjv = build({ coerceTypes: false });
const queryAjv = build({ coerceTypes: true });
const compiled = new Map<string, ValidateFunction>();

function validator(name: SchemaName, forQuery: boolean): ValidateFunction {
  const key = `${forQuery ? 'q' : 'b'}:${name}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = (forQuery ? queryAjv : bodyAjv).compile(requestSchemas[name]);
    compiled.set(key, validate);
  }
  return validate;
}

function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  const issues = (errors ?? [])
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'allOf')
    .map((e) => {
      const missing =
        e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
      const extra =
        e.keyword === 'additionalProperties'
          ? `/${(e.params as { additionalProperty: string }).additionalProperty}`
          : '';
      return { path: `${e.instancePath}${missing}${extra}` || '/', message: e.message ?? 'is invalid' };
    });
  // A field can break the same bound twice (the base schema and a format's if/then): say it once.
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\n${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Validates `value` against a contract schema; throws VALIDATION_FAILED listing every problem. */
export function validate<T>(name: SchemaName, value: unknown): T {
  refuseUnsafeText(value, 'The request body is invalid');
  const check = validator(name, false);
  if (!check(value)) throw validationFailed('The request body is invalid', toIssues(check.errors));
  return value as T;
}

/** Validates the query string (numbers coerced) against a contract schema. */
export function validateQuery<T>(name: SchemaName, c: Context): T {
  const query: Record<string, unknown> = { ...c.req.query() };
  refuseUnsafeText(query, 'The query string is invalid');
  const check = validator(name, true);
  if (!check(query)) throw validationFailed('The query string is invalid', toIssues(check.errors));
  return query as T;
}

/** Throws VALIDATION_FAILED naming every field with text the database cannot store. */
export function refuseUnsafeText(value: unknown, message: string): void {
  const issues = unsafeTextIssues(value);
  if (issues.length > 0) throw validationFailed(message, issues);
}

/**
 * Reads a JSON body: 415 for another content type, 400 for malformed JSON. Both VALIDATION_FAILED.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw validationFailed('Content-Type must be application/json', undefined, 415);
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw validationFailed('The request body is not valid JSON');
  }
}
