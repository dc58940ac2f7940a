import { createHash } from 'node:crypto';
import { HttpResponse, http } from 'msw';

export const CLOUDINARY_URL = 'cloudinary://123456789012345:test-secret-abc@demo-cloud';
export const CLOUDINARY_SECRET = 'test-secret-abc';

export interface CloudinaryUpload {
  url: string;
  fields: Record<string, string>;
  file: Buffer;
}

/**
 * The documented signature: every posted parameter except file, cloud_name, resource_type and
 * api_key, sorted, joined as k=v with &, then the API secret appended, hashed (SHA-1 by default).
 * https://cloudinary.com/documentation/authentication_signatures
 */
export function expectedSignature(
  fields: Record<string, string>,
  secret = CLOUDINARY_SECRET,
  algorithm = 'sha1',
) {
  const excluded = new Set(['file', 'cloud_name', 'resource_type', 'api_key', 'signature']);
  const toSign = Object.keys(fields)
    .filter((key) => !excluded.has(key))
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');
  return createHash(algorithm)
    .update(toSign + secret)
    .digest('hex');
}

/** POST /v1_1/:cloud/:resource_type/upload answering the documented upload response. */
export function cloudinaryUploadHandler(uploads: CloudinaryUpload[], fail?: () => Response | undefined) {
  return http.post(
    'https://api.cloudinary.com/v1_1/:cloud/:resourceType/upload',
    async ({ request, params }) => {
      const form = await request.formData();
      const fields: Record<string, string> = {};
      let file = Buffer.alloc(0);
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') fields[key] = value;
        else file = Buffer.from(await value.arrayBuffer());
      }
      uploads.push({ url: request.url, fields, file });
      const failure = fail?.();
      if (failure) return failure;
      const resourceType = String(params.resourceType);
      const version = 1732700000 + uploads.length;
      const format = resourceType === 'video' ? 'webm' : 'png';
      const path = `${resourceType}/upload/v${version}/${fields.public_id}.${format}`;
      return HttpResponse.json({
        asset_id: `asset-${uploads.length}`,
        public_id: fields.public_id,
        version,
        signature: 'response-signature',
        width: 1080,
        height: 1350,
        format,
        resource_type: resourceType,
        created_at: '2026-11-27T06:00:00Z',
        tags: (fields.tags ?? '').split(','),
        bytes: file.length,
        type: 'upload',
        url: `http://res.cloudinary.com/${params.cloud}/${path}`,
        secure_url: `https://res.cloudinary.com/${params.cloud}/${path}`,
      });
    },
  );
}

export interface CloudinaryDelete {
  url: URL;
  authorization: string | null;
  publicIds: string[];
}

/** DELETE /v1_1/:cloud/resources/:resource_type/upload (Admin API, Basic auth, form-encoded body). */
export function cloudinaryDeleteHandler(deletes: CloudinaryDelete[]) {
  return http.delete(
    'https://api.cloudinary.com/v1_1/:cloud/resources/:resourceType/upload',
    async ({ request }) => {
      const url = new URL(request.url);
      const form = new URLSearchParams(await request.text());
      const ids = [...form.getAll('public_ids'), ...form.getAll('public_ids[]')];
      deletes.push({ url, authorization: request.headers.get('authorization'), publicIds: ids });
      return HttpResponse.json({
        deleted: Object.fromEntries(ids.map((id) => [id, 'deleted'])),
        partial: false,
      });
    },
  );
}
