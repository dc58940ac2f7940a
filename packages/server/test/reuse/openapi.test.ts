import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../src/http/openapi.js';

describe('OpenAPI for reuse and variants', () => {
  const doc = buildOpenApi({ version: 'test', serverUrl: 'http://alfie.test' }) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const bodyRef = (path: string) => doc.paths[path]!.post!.requestBody!.content['application/json']!.schema;

  it('describes every new route with the schema the server validates with', () => {
    expect(bodyRef('/v1/reuse/match')).toEqual({ $ref: '#/components/schemas/ReuseMatchRequest' });
    expect(bodyRef('/v1/orders/{id}/variants/choose')).toEqual({
      $ref: '#/components/schemas/ChooseVariantRequest',
    });
    expect(bodyRef('/v1/orders/{id}/variants/performance')).toEqual({
      $ref: '#/components/schemas/ReportPerformanceRequest',
    });
    expect(doc.paths['/v1/orders/{id}/variants']!.get).toBeDefined();
  });

  it('lists reuse, reuseOf and variants in the generate request', () => {
    const props = doc.components.schemas.GenerateRequest!.properties!;
    expect(props.reuse).toEqual({ type: 'string', enum: ['never', 'offer', 'auto'] });
    expect(props.variants).toEqual({ type: 'integer', minimum: 2, maximum: 4 });
    expect(props.reuseOf).toEqual({ type: 'string', format: 'uuid' });
  });
});
