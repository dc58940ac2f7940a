import { ERROR_CODES, requestSchemas } from '@alfie/core/contract';

type Schema = { $id: string; properties?: Record<string, unknown> } & Record<string, unknown>;

const ref = (schema: Schema) => ({ $ref: `#/components/schemas/${schema.$id}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errorResponse = { description: 'Error', content: json({ $ref: '#/components/schemas/ErrorBody' }) };

function queryParameters(schema: Schema) {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}

const pathId = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
});

function operation(summary: string, extra: Record<string, unknown> = {}) {
  return {
    summary,
    security: [{ bearer: [] }],
    responses: { '200': { description: 'OK' }, default: errorResponse },
    ...extra,
  };
}

/** A file download: binary body, `Content-Disposition: attachment` with filename and filename*. */
function download(summary: string, mediaType: string, parameters: unknown[]) {
  return operation(summary, {
    parameters,
    responses: {
      '200': {
        description: 'The file, streamed',
        headers: {
          'Content-Disposition': {
            description: 'attachment; filename="<ASCII name>"; filename*=UTF-8\'\'<name> (RFC 6266)',
            schema: { type: 'string' },
          },
        },
        content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
      },
      default: errorResponse,
    },
  });
}

/**
 * The OpenAPI 3.1 document, built from the same JSON Schemas that validate requests, so the
 * published contract cannot drift from what the server enforces.
 */
export function buildOpenApi(options: { version: string; serverUrl: string }) {
  const s = requestSchemas;
  const schemas: Record<string, unknown> = {};
  for (const schema of Object.values(s) as Schema[]) {
    const { $id, ...rest } = schema;
    schemas[$id] = rest;
  }
  schemas.ErrorBody = {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: [...ERROR_CODES] },
          message: { type: 'string' },
          details: {},
        },
      },
    },
  };
  const body = (schema: Schema) => ({ required: true, content: json(ref(schema)) });

  return {
    openapi: '3.1.0',
    info: { title: 'Alfie API', version: options.version },
    servers: [{ url: options.serverUrl }],
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'User JWT or secret API key sk_...' },
      },
    },
    paths: {
      '/v1/generate': {
        post: operation('Order an image, a carousel or a video', {
          parameters: [
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
          ],
          requestBody: body(s.generateRequestSchema),
          responses: {
            '202': { description: 'Order accepted' },
            '200': { description: 'Idempotent replay, or `{ offer }` (reuse: offer) when a match exists' },
            '201': { description: 'Reused an earlier order: completed at once, free, jobId null' },
            default: errorResponse,
          },
        }),
      },
      '/v1/orders': {
        get: operation('List orders, newest first', { parameters: queryParameters(s.listOrdersQuerySchema) }),
      },
      '/v1/orders/{id}': {
        get: operation('Order detail', { parameters: [pathId('id')] }),
        delete: operation('Delete an ended order with its stored files (409 while it runs: cancel first)', {
          parameters: [pathId('id')],
        }),
      },
      '/v1/orders/{id}/assets/{assetId}/download': {
        get: download('One delivered file, as an attachment named after the brand, topic and slide', '*/*', [
          pathId('id'),
          pathId('assetId'),
        ]),
      },
      '/v1/orders/{id}/download/zip': {
        get: download('Every file of a finished order in one ZIP (409 while it runs)', 'application/zip', [
          pathId('id'),
        ]),
      },
      '/v1/orders/{id}/download/pdf': {
        get: download(
          'The images of a finished order as a PDF, one page each: a LinkedIn carousel (409 while it runs)',
          'application/pdf',
          [pathId('id')],
        ),
      },
      '/v1/orders/{id}/cancel': { post: operation('Cancel an order', { parameters: [pathId('id')] }) },
      '/v1/orders/{id}/items/{slide}/redo': {
        post: {
          ...operation('Redraw one slide of an ended order, charged one image (202)', {
            parameters: [
              pathId('id'),
              {
                name: 'slide',
                in: 'path',
                required: true,
                schema: { type: 'integer', minimum: 1, maximum: 10 },
              },
            ],
          }),
          responses: {
            '202': { description: 'Accepted: the slide is being drawn again' },
            default: errorResponse,
          },
        },
      },
      '/v1/orders/{id}/events': { get: operation('Order events (SSE)', { parameters: [pathId('id')] }) },
      '/v1/events': { get: operation('All my order events (SSE)') },
      '/v1/jobs/{id}': { get: operation('Job', { parameters: [pathId('id')] }) },
      '/v1/quotas/{brandId}': { get: operation('Quota of a brand', { parameters: [pathId('brandId')] }) },
      '/v1/library': {
        get: operation('Library by order', { parameters: queryParameters(s.listLibraryQuerySchema) }),
      },
      '/v1/brands': {
        get: operation('List brands', { parameters: queryParameters(s.listBrandsQuerySchema) }),
        post: operation('Create a brand', { requestBody: body(s.createBrandSchema) }),
      },
      '/v1/brands/{id}': {
        patch: operation('Update a brand (plan: API key only)', {
          parameters: [pathId('id')],
          requestBody: body(s.updateBrandSchema),
        }),
      },
      '/v1/tokens': {
        post: operation('Mint a user token (API key only)', { requestBody: body(s.createTokenSchema) }),
      },
      '/v1/reuse/match': {
        post: operation('The earlier order a generate request would reuse, or null (reads only)', {
          requestBody: body(s.reuseMatchRequestSchema),
        }),
      },
      '/v1/orders/{id}/variants': {
        get: operation("A/B variants: files, reported counts, the choice and the test's verdict", {
          parameters: [pathId('id')],
        }),
      },
      '/v1/orders/{id}/variants/choose': {
        post: operation('Store the chosen variant', {
          parameters: [pathId('id')],
          requestBody: body(s.chooseVariantSchema),
        }),
      },
      '/v1/orders/{id}/variants/performance': {
        post: operation(
          'Report each posted variant’s impressions and clicks (totals, replacing earlier ones)',
          {
            parameters: [pathId('id')],
            requestBody: body(s.reportPerformanceSchema),
          },
        ),
      },
      '/v1/health': { get: { summary: 'Health', responses: { '200': { description: 'OK' } } } },
      '/v1/health/ready': {
        get: {
          summary: 'Ready: the database answers (503 with Retry-After when not)',
          responses: { '200': { description: 'OK' }, '503': { description: 'Database unreachable' } },
        },
      },
      '/v1/health/live': {
        get: { summary: 'Live: the process serves HTTP', responses: { '200': { description: 'OK' } } },
      },
    },
  };
}
