// What a signed-in user of your app sees when it reads Alfie's tables directly with supabase-js:
// the anon key plus the user's session, so Postgres row-level security (migration 0001's policies,
// `user_id = auth.uid()`) returns that user's orders, slides and videos only, never anyone else's.
import { createClient } from '@supabase/supabase-js';
import { loadEnv } from './env.mjs';

const env = loadEnv();
// This script never subscribes to Realtime; Node 20 has no global WebSocket for it anyway (Node 22+ does).
class NoRealtime {
  constructor() {
    throw new Error('Realtime is not used by this script');
  }
}
const supabase = createClient(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
  auth: { persistSession: false },
  realtime: { transport: NoRealtime },
});

const { data: session, error: signInError } = await supabase.auth.signInWithPassword({
  email: env.USER_EMAIL,
  password: env.USER_PASSWORD,
});
if (signInError) throw signInError;
console.log(`Signed in as ${session.user.email} (${session.user.id})`);

const { data: orders, error } = await supabase
  .from('orders')
  .select(
    'id, type, status, topic, ratio, count, created_at, order_items(sequence_number, status, error), library_assets(slide_index, cloudinary_url, text_json), media_generations(output_url, thumbnail_url)',
  )
  .order('created_at', { ascending: false })
  .limit(10);
if (error) throw error;

for (const order of orders) {
  console.log(`\n${order.created_at}  ${order.type} ${order.status}  "${order.topic}"`);
  for (const asset of order.library_assets ?? []) {
    console.log(`  slide ${asset.slide_index + 1}: ${asset.cloudinary_url}  ${asset.text_json?.title ?? ''}`);
  }
  for (const video of order.media_generations ?? []) console.log(`  video: ${video.output_url}`);
}

// The same token also works against Alfie's own API, since the server verifies Supabase JWTs.
console.log(
  `\nAPI token for ${env.PUBLIC_URL ?? 'alfie-server'}: Authorization: Bearer ${session.session.access_token.slice(0, 16)}…`,
);
await supabase.auth.signOut();
