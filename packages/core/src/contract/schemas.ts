/**
 * JSON Schemas of every request the API accepts. The server validates with exactly these objects
 * and publishes them in `/openapi.json`; the TypeScript types in `types.ts` describe the same shapes.
 * They are plain data, so a client that never imports them pays nothing.
 */
import { FORMATS, LIMITS, LOCALES, ORDER_STATUSES, PLANS, RATIOS } from './constants.js';
import { REUSE_POLICIES, VARIANT_LIMITS } from './reuse-variants.js';

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
    reuse: { type: 'string', enum: [...REUSE_POLICIES] },
    reuseOf: uuid,
    variants: { type: 'integer', minimum: VARIANT_LIMITS.min, maximum: VARIANT_LIMITS.max },
  },
  allOf: [
    {
      // Variants are of one image, or of a carousel's cover; a video has none.
      if: { required: ['variants'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: {
        properties: { format: { enum: ['image', 'carousel'] } },
        if: { properties: { format: { const: 'image' } } },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
        then: { properties: { count: { const: 1 } } },
      },
    },
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

export const reuseMatchRequestSchema = {
  ...generateRequestSchema,
  $id: 'ReuseMatchRequest',
} as const;

export const chooseVariantSchema = {
  $id: 'ChooseVariantRequest',
  type: 'object',
  additionalProperties: false,
  required: ['variant'],
  properties: { variant: { type: 'integer', minimum: 0, maximum: VARIANT_LIMITS.max - 1 } },
} as const;

const count = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

export const reportPerformanceSchema = {
  $id: 'ReportPerformanceRequest',
  type: 'object',
  additionalProperties: false,
  required: ['variants'],
  properties: {
    variants: {
      type: 'array',
      minItems: 1,
      maxItems: VARIANT_LIMITS.max,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['variant', 'impressions', 'clicks'],
        properties: {
          variant: { type: 'integer', minimum: 0, maximum: VARIANT_LIMITS.max - 1 },
          impressions: count,
          clicks: count,
        },
      },
    },
  },
} as const;

export const requestSchemas = {
  generateRequestSchema,
  createBrandSchema,
  updateBrandSchema,
  createTokenSchema,
  listOrdersQuerySchema,
  listLibraryQuerySchema,
  listBrandsQuerySchema,
  reuseMatchRequestSchema,
  chooseVariantSchema,
  reportPerformanceSchema,
} as const;
