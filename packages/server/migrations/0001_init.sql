-- Alfie schema, version 1. Immutable once released: change the schema in a new numbered file.
-- Tables and columns follow the seed (orders, order_items, job_queue, library_assets,
-- media_generations, counters_monthly); additions are commented with the reason.

-- Supabase provides the auth schema and auth.uid(); on plain PostgreSQL and PGlite we create the
-- minimal equivalent, reading the caller from request.jwt.claims exactly as Supabase does.
create schema if not exists auth;

do $$
begin
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'uid'
  ) then
    create function auth.uid() returns uuid language sql stable as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
      )::uuid
    $fn$;
  end if;
end
$$;

-- Roles are cluster-wide: two databases migrating at once may both try to create them, so a
-- concurrent creation is ignored rather than failing the migration.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    begin
      create role authenticated nologin;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    begin
      create role anon nologin;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
end
$$;

-- The seed's Woofs price of a video, by duration in seconds.
create function calculate_woofs_cost(duration integer) returns integer
language sql immutable strict as $$
  select case
    when duration <= 8 then 1
    when duration <= 15 then 2
    when duration <= 30 then 4
    else 8
  end
$$;

-- Plans: monthly limits, and the queue priority of their jobs ("Jobs premium avant jobs gratuits").
create table plans (
  name text primary key,
  quota_images integer not null check (quota_images >= 0),
  quota_videos integer not null check (quota_videos >= 0),
  quota_woofs integer not null check (quota_woofs >= 0),
  priority integer not null default 0
);
insert into plans (name, quota_images, quota_videos, quota_woofs, priority) values
  ('starter', 150, 15, 15, 0),
  ('pro', 450, 45, 45, 1),
  ('studio', 1000, 100, 100, 2);

create table profiles (
  id uuid primary key,
  email text,
  granted_by_admin boolean not null default false,
  created_at timestamptz not null default now()
);

create table user_roles (
  user_id uuid not null,
  role text not null check (role in ('admin', 'user')),
  created_at timestamptz not null default now(),
  primary key (user_id, role)
);

create table brands (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  name text not null check (length(name) between 1 and 120),
  palette jsonb not null default '[]'::jsonb check (jsonb_typeof(palette) = 'array'),
  fonts jsonb not null default '[]'::jsonb check (jsonb_typeof(fonts) = 'array'),
  logo_url text,
  voice text,
  niche text,
  plan text not null default 'starter' references plans (name),
  -- Legacy per-brand counters of the current period, kept in step by a trigger (seed).
  images_used integer not null default 0,
  videos_used integer not null default 0,
  woofs_used integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index brands_user_idx on brands (user_id, created_at desc);

-- Monthly consumption per brand. *_reserved holds quota taken by accepted orders not yet settled,
-- so that used + reserved can never pass the plan whatever the concurrency.
create table counters_monthly (
  brand_id uuid not null references brands (id) on delete cascade,
  period_yyyymm integer not null check (period_yyyymm between 200001 and 999912),
  images_used integer not null default 0 check (images_used >= 0),
  reels_used integer not null default 0 check (reels_used >= 0),
  woofs_used integer not null default 0 check (woofs_used >= 0),
  images_reserved integer not null default 0 check (images_reserved >= 0),
  reels_reserved integer not null default 0 check (reels_reserved >= 0),
  woofs_reserved integer not null default 0 check (woofs_reserved >= 0),
  updated_at timestamptz not null default now(),
  primary key (brand_id, period_yyyymm)
);

create table orders (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  brand_id uuid not null references brands (id) on delete cascade,
  type text not null check (type in ('image', 'carousel', 'video')),
  status text not null default 'pending'
    check (status in ('pending', 'processing', 'completed', 'partial', 'failed', 'canceled')),
  topic text not null check (length(topic) between 1 and 2000),
  ratio text not null check (ratio in ('1:1', '4:5', '3:4', '2:3', '9:16', '16:9')),
  count integer not null check (count between 1 and 10),
  duration_seconds integer check (duration_seconds between 4 and 60),
  -- What the order reserved and what it has been charged so far, in the period it was accepted.
  -- settled_at is set once, when the unused reservation is released: an order is never settled twice.
  period_yyyymm integer not null,
  reserved_images integer not null default 0 check (reserved_images >= 0),
  reserved_reels integer not null default 0 check (reserved_reels >= 0),
  reserved_woofs integer not null default 0 check (reserved_woofs >= 0),
  charged_images integer not null default 0 check (charged_images >= 0),
  charged_reels integer not null default 0 check (charged_reels >= 0),
  charged_woofs integer not null default 0 check (charged_woofs >= 0),
  quota_bypass boolean not null default false,
  settled_at timestamptz,
  -- Idempotency-Key of the request that created the order, with a hash of its body.
  idempotency_key text,
  request_hash text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  check (charged_images <= reserved_images and charged_reels <= reserved_reels and charged_woofs <= reserved_woofs),
  check ((type = 'video') = (duration_seconds is not null))
);
create unique index orders_idempotency_idx on orders (user_id, idempotency_key) where idempotency_key is not null;
create index orders_user_idx on orders (user_id, created_at desc, id desc);
create index orders_brand_idx on orders (brand_id, created_at desc, id desc);

create table order_items (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id) on delete cascade,
  sequence_number integer not null check (sequence_number >= 0),
  type text not null check (type in ('image', 'carousel_slide', 'video')),
  brief_json jsonb,
  text_json jsonb,
  status text not null default 'pending' check (status in ('pending', 'running', 'completed', 'failed', 'canceled')),
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (order_id, sequence_number)
);

create table job_queue (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  brand_id uuid references brands (id) on delete cascade,
  order_id uuid references orders (id) on delete cascade,
  type text not null check (type in ('render_images', 'render_carousels', 'generate_video')),
  kind text check (kind in ('image', 'carousel', 'video')),
  payload jsonb not null,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'waiting', 'completed', 'failed', 'canceled')),
  priority integer not null default 0,
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 3 check (max_attempts >= 1),
  run_after timestamptz not null default now(),
  -- Lease: a running (or waiting) job whose lease has expired is requeued or failed by cleanup.
  locked_at timestamptz,
  locked_by text,
  lease_expires_at timestamptz,
  last_error text,
  -- A job parked as 'waiting' on a remote provider's render (issue: real engines).
  provider text,
  provider_ref text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  check (status <> 'running' or (locked_at is not null and lease_expires_at is not null))
);
-- The claim reads queued jobs by priority then age.
create index job_queue_claim_idx on job_queue (priority desc, created_at, id) where status = 'queued';
create index job_queue_lease_idx on job_queue (lease_expires_at) where status in ('running', 'waiting');
create index job_queue_order_idx on job_queue (order_id);
create unique index job_queue_provider_idx on job_queue (provider, provider_ref) where provider_ref is not null;

create table library_assets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  brand_id uuid references brands (id) on delete cascade,
  order_id uuid references orders (id) on delete cascade,
  order_item_id uuid references order_items (id) on delete cascade,
  type text not null check (type in ('image', 'carousel_slide')),
  -- Named after the seed; holds whatever storage's public URL is (Cloudinary, Supabase, local).
  -- Never inline data: base64 in the database is what the original system got wrong.
  cloudinary_url text not null check (cloudinary_url !~* '^data:'),
  cloudinary_public_id text,
  -- Set for every asset (an image's index in its order too), so a retried item never yields a second asset.
  slide_index integer check (slide_index >= 0),
  text_json jsonb,
  metadata jsonb not null default '{}'::jsonb,
  width integer,
  height integer,
  mime_type text,
  created_at timestamptz not null default now(),
  unique (order_id, slide_index)
);
create index library_assets_user_idx on library_assets (user_id, created_at desc);
create index library_assets_brand_idx on library_assets (brand_id, created_at desc);

create table media_generations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  brand_id uuid not null references brands (id) on delete cascade,
  -- The seed keeps the order id in metadata only; a real column gives a foreign key and an index.
  order_id uuid references orders (id) on delete cascade,
  order_item_id uuid unique references order_items (id) on delete cascade,
  type text not null check (type in ('video', 'image')),
  output_url text not null check (output_url !~* '^data:'),
  thumbnail_url text check (thumbnail_url !~* '^data:'),
  public_id text,
  status text not null default 'completed' check (status in ('completed', 'failed')),
  metadata jsonb not null default '{}'::jsonb,
  woofs integer not null default 0 check (woofs >= 0),
  duration_seconds integer,
  width integer,
  height integer,
  mime_type text,
  created_at timestamptz not null default now()
);
create index media_generations_order_idx on media_generations (order_id);
create index media_generations_user_idx on media_generations (user_id, created_at desc);

-- Every change a client can watch, in order. SSE streams replay from here for Last-Event-ID, and
-- the insert trigger fans each event out over NOTIFY to every API process.
create table order_events (
  id bigserial primary key,
  order_id uuid not null references orders (id) on delete cascade,
  user_id uuid not null,
  type text not null check (type in ('status', 'item', 'asset', 'progress', 'end')),
  data jsonb not null,
  created_at timestamptz not null default now()
);
create index order_events_order_idx on order_events (order_id, id);
create index order_events_user_idx on order_events (user_id, id);

create function notify_order_event() returns trigger language plpgsql as $$
declare
  payload text;
begin
  payload := json_build_object('id', NEW.id, 'orderId', NEW.order_id, 'userId', NEW.user_id,
    'type', NEW.type, 'data', NEW.data)::text;
  -- NOTIFY payloads are capped at 8000 bytes: big events travel by id and are read back.
  if octet_length(payload) > 7900 then
    payload := json_build_object('id', NEW.id, 'orderId', NEW.order_id, 'userId', NEW.user_id,
      'type', NEW.type)::text;
  end if;
  perform pg_notify('alfie_order_events', payload);
  return NEW;
end
$$;
create trigger order_events_notify after insert on order_events
  for each row execute function notify_order_event();

-- Wakes idle workers as soon as a job can run.
create function notify_job_ready() returns trigger language plpgsql as $$
begin
  if NEW.status = 'queued' and NEW.run_after <= now() then
    perform pg_notify('alfie_jobs', NEW.id::text);
  end if;
  return NEW;
end
$$;
create trigger job_queue_notify after insert or update of status, run_after on job_queue
  for each row execute function notify_job_ready();

-- Keeps the legacy brands.*_used columns equal to the current period's counters (seed).
create function sync_brand_legacy_counters() returns trigger language plpgsql as $$
begin
  if NEW.period_yyyymm = to_char(now() at time zone 'utc', 'YYYYMM')::integer then
    update brands set images_used = NEW.images_used, videos_used = NEW.reels_used,
      woofs_used = NEW.woofs_used, updated_at = now()
    where id = NEW.brand_id;
  end if;
  return NEW;
end
$$;
create trigger counters_monthly_sync_brand after insert or update of images_used, reels_used, woofs_used
  on counters_monthly for each row execute function sync_brand_legacy_counters();

-- Secret API keys for server-to-server calls; only a SHA-256 of the key is stored.
create table api_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  prefix text not null unique,
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Row-level security: a Supabase client reading these tables directly sees only its own rows.
-- The server connects as the table owner and scopes every query itself.
alter table profiles enable row level security;
alter table user_roles enable row level security;
alter table brands enable row level security;
alter table counters_monthly enable row level security;
alter table orders enable row level security;
alter table order_items enable row level security;
alter table job_queue enable row level security;
alter table library_assets enable row level security;
alter table media_generations enable row level security;
alter table order_events enable row level security;
alter table api_keys enable row level security;

create policy profiles_own on profiles for select using (id = auth.uid());
create policy user_roles_own on user_roles for select using (user_id = auth.uid());
create policy brands_own_select on brands for select using (user_id = auth.uid());
create policy brands_own_update on brands for update using (user_id = auth.uid()) with check (user_id = auth.uid());
create policy counters_own on counters_monthly for select
  using (exists (select 1 from brands b where b.id = brand_id and b.user_id = auth.uid()));
create policy orders_own on orders for select using (user_id = auth.uid());
create policy order_items_own on order_items for select
  using (exists (select 1 from orders o where o.id = order_id and o.user_id = auth.uid()));
create policy job_queue_own on job_queue for select using (user_id = auth.uid());
create policy library_assets_own on library_assets for select using (user_id = auth.uid());
create policy media_generations_own on media_generations for select using (user_id = auth.uid());
create policy order_events_own on order_events for select using (user_id = auth.uid());
-- api_keys has no policy: no client role can read it.

grant usage on schema public to authenticated;
grant select on plans, profiles, user_roles, brands, counters_monthly, orders, order_items, job_queue,
  library_assets, media_generations, order_events to authenticated;
grant update (name, palette, fonts, logo_url, voice, niche) on brands to authenticated;
