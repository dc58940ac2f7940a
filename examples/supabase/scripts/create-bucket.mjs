// Creates the Storage bucket Alfie writes to (public unless SUPABASE_STORAGE_SIGNED_URL_TTL is set).
// Uses the service-role key: run it from your machine or CI, never from a browser.
import { StorageClient } from '@supabase/storage-js';
import { loadEnv } from './env.mjs';

const env = loadEnv();
const storage = new StorageClient(`${env.SUPABASE_URL}/storage/v1`, {
  apikey: env.SUPABASE_SERVICE_ROLE_KEY,
  Authorization: `Bearer ${env.SUPABASE_SERVICE_ROLE_KEY}`,
});
const bucket = env.SUPABASE_STORAGE_BUCKET || 'alfie';
const isPublic = !env.SUPABASE_STORAGE_SIGNED_URL_TTL;

const { error } = await storage.createBucket(bucket, {
  public: isPublic,
  allowedMimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'video/webm', 'video/mp4'],
  fileSizeLimit: '200MB',
});
if (error && !/already exists/i.test(error.message)) {
  console.error(`Could not create bucket "${bucket}": ${error.message}`);
  process.exit(1);
}
console.log(`Bucket "${bucket}" is ready (${isPublic ? 'public URLs' : 'signed URLs'}).`);
