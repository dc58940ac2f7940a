/**
 * JSON Schemas of every request the API accepts. The server validates with exactly these objects
 * and publishes them in `/openapi.json`; the TypeScript types in `types.ts` describe the same shapes.
 * They are plain data, so a client that never imports them pays nothing.
 */
import { FORMATS, LIMITS, LOCALES, ORDER_STATUSES, PLANS, RATIOS } from './constants.js';

const uuid = { type: 'string', format: 'uuid' } as const;

export const generateRequestSchema = {
  $id: 'GenerateRequest',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'topic', 'brandId'],
  properties: {
    format: { type: 'string', enum: [...FORMATS] },
    count: { type: 'integer', minimum: 1, maximum: LIMITS.imageCount.max },
    topic: {
      type: 'string',
      minLength: LIMITS.topicLength.min,
      maxLength: LIMITS.topicLength.max,
      pattern: '\\S',
    },
    brandId: uuid,
    ratio: { type: 'string', enum: [...RATIOS] },
    duration: {
      type: ['integer', 'null'],
      minimum: LIMITS.videoDuration.min,
      maximum: LIMITS.videoDuration.max,
    },
    locale: { type: 'string', enum: [...LOCALES] },
  },
  allOf: [
    {
      if: { properties: { format: { const: 'carousel' } }, required: ['format'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: {
        properties: { count: { minimum: LIMITS.carouselSlides.min, maximum: LIMITS.carouselSlides.max } },
      },
    },
    {
      if: { properties: { format: { const: 'video' } }, required: ['format'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: { properties: { count: { const: 1 } } },
      else: { properties: { duration: { type: 'null' } } },
    },
  ],
} as const;

const brandFields = {
  // `\S`: a name of only spaces is no name.
  name: {
    type: 'string',
    minLength: LIMITS.brandNameLength.min,
    maxLength: LIMITS.brandNameLength.max,
    pattern: '\\S',
  },
  palette: { type: 'array', maxItems: 12, items: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' } },
  fonts: { type: 'array', maxItems: 6, items: { type: 'string', minLength: 1, maxLength: 80 } },
  logoUrl: { type: ['string', 'null'], format: 'uri', maxLength: 2048 },
  voice: { type: ['string', 'null'], maxLength: 500 },
  niche: { type: ['string', 'null'], maxLength: 200 },
  locale: { type: ['string', 'null'], enum: [...LOCALES, null] },
  plan: { type: 'string', enum: [...PLANS] },
} as const;

export const createBrandSchema = {
  $id: 'CreateBrandRequest',
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: brandFields,
} as const;

export const updateBrandSchema = {
  $id: 'UpdateBrandRequest',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: brandFields,
} as const;

export const createTokenSchema = {
  $id: 'CreateTokenRequest',
  type: 'object',
  additionalProperties: false,
  required: ['userId'],
  properties: {
    userId: uuid,
    email: { type: 'string', format: 'email', maxLength: 320 },
    brandIds: { type: 'array', maxItems: 50, items: uuid },
    expiresIn: { type: 'integer', minimum: 60, maximum: 86400 },
  },
} as const;

const pageFields = {
  cursor: { type: 'string', maxLength: 200 },
  limit: { type: 'integer', minimum: LIMITS.pageSize.min, maximum: LIMITS.pageSize.max },
} as const;

export const listOrdersQuerySchema = {
  $id: 'ListOrdersQuery',
  type: 'object',
  additionalProperties: false,
  properties: { brandId: uuid, status: { type: 'string', enum: [...ORDER_STATUSES] }, ...pageFields },
} as const;

export const listLibraryQuerySchema = {
  $id: 'ListLibraryQuery',
  type: 'object',
  additionalProperties: false,
  properties: { brandId: uuid, type: { type: 'string', enum: [...FORMATS] }, orderId: uuid, ...pageFields },
} as const;

export const listBrandsQuerySchema = {
  $id: 'ListBrandsQuery',
  type: 'object',
  additionalProperties: false,
  properties: { ...pageFields },
} as const;

export const requestSchemas = {
  generateRequestSchema,
  createBrandSchema,
  updateBrandSchema,
  createTokenSchema,
  listOrdersQuerySchema,
  listLibraryQuerySchema,
  listBrandsQuerySchema,
} as const;
