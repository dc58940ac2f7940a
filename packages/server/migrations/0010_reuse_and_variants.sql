-- Reuse of similar generations, and A/B variants.
--
-- Matching runs in the database with pg_trgm, which PostgreSQL ships as a trusted extension (a
-- database owner may create it, Supabase included) and PGlite ships as a loadable one
-- (src/db/pglite.ts loads it before migrating).
create extension if not exists pg_trgm;

-- A topic as matching sees it: lower case, common Latin accents folded, punctuation and repeated
-- spaces collapsed. "Tendances  Marketing 2025 !" and "tendances marketing 2025" are one key.
-- (unaccent would fold more, but PGlite does not ship it.)
create function alfie_topic_key(topic text) returns text language sql immutable strict parallel safe as $$
  select btrim(regexp_replace(
    translate(lower(topic),
      'àáâãäåāçćčèéêëēėęìíîïīñńòóôõöøōœùúûüūýÿžźżß',
      'aaaaaaaccceeeeeeeiiiiinnoooooooouuuuuyyzzzs'),
    '[^[:alnum:]]+', ' ', 'g'))
$$;

-- A topic's words as a set: its key without French and English stop words, plurals folded (a
-- trailing s or x dropped from words of four letters or more), sorted and distinct. "Les tendances
-- du marketing en 2025" and "tendances marketing 2025" share it, so such near repeats are found by
-- an index lookup, however long the brand's history.
create function alfie_topic_signature(topic text) returns text language sql immutable strict parallel safe as $$
  select coalesce(string_agg(distinct w, ' ' order by w), '')
  from (
    select regexp_replace(word, '^(.{3,}?)[sx]$', '\1') as w
    from regexp_split_to_table(alfie_topic_key(topic), ' ') as word
    where word <> '' and word <> all (array[
      'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'en', 'et', 'a', 'au', 'aux', 'pour',
      'sur', 'avec', 'par', 'dans', 'ce', 'ces', 'cette', 'mon', 'ma', 'mes', 'notre', 'nos', 'votre',
      'vos', 'son', 'sa', 'ses', 'leur', 'leurs', 'qui', 'que', 'quoi', 'ou',
      'the', 'an', 'of', 'for', 'on', 'in', 'and', 'to', 'with', 'by', 'at', 'from', 'our', 'your',
      'my', 'its', 'their', 'this', 'these', 'that', 'about'])
  ) as words
$$;

-- What makes a brand's visuals look the way they do. An order remembers the style it was drawn
-- with; once the brand changes any of these, its earlier orders no longer match.
create function alfie_brand_style_key(palette jsonb, fonts jsonb, logo_url text, voice text, niche text, name text)
returns text language sql immutable parallel safe as $$
  select md5(jsonb_build_array(palette, fonts, logo_url, voice, niche, name)::text)
$$;

alter table orders
  add column topic_key text,
  add column topic_signature text,
  add column style_key text,
  -- A reuse: the order whose files it delivered. Null for a rendered order.
  add column reused_from_order_id uuid references orders (id) on delete set null,
  -- A/B variants of an image (one item per variant) or of a carousel's cover; null without variants.
  add column variant_count integer check (variant_count between 2 and 4),
  -- The variant the user chose (its 0-based index), once chosen.
  add column chosen_variant integer check (chosen_variant >= 0 and chosen_variant < variant_count);

-- Every order gets its keys at insert, whatever path writes it, from the brand as it is then.
create function orders_set_match_keys() returns trigger language plpgsql as $$
begin
  NEW.topic_key := alfie_topic_key(NEW.topic);
  NEW.topic_signature := alfie_topic_signature(NEW.topic);
  select alfie_brand_style_key(b.palette, b.fonts, b.logo_url, b.voice, b.niche, b.name)
    into NEW.style_key from brands b where b.id = NEW.brand_id;
  return NEW;
end
$$;
create trigger orders_match_keys before insert on orders
  for each row execute function orders_set_match_keys();

update orders o set topic_key = alfie_topic_key(o.topic), topic_signature = alfie_topic_signature(o.topic),
  style_key = alfie_brand_style_key(b.palette, b.fonts, b.logo_url, b.voice, b.niche, b.name)
from brands b where b.id = o.brand_id;

-- Repeats and reworded repeats are found by their signature; other near repeats among the brand's
-- latest orders of a format and ratio, walked newest first (sql/reuse/find-reuse-match.ts).
create index orders_reuse_signature_idx on orders (brand_id, type, ratio, topic_signature)
  where status = 'completed' and reused_from_order_id is null;
create index orders_reuse_recent_idx on orders (brand_id, type, ratio, created_at desc)
  where status = 'completed' and reused_from_order_id is null;

-- A reuse shares its files with the original: deleting either order must keep files the other
-- still shows (sql/orders/list-order-stored-files.ts looks them up by storage id).
create index library_assets_public_id_idx on library_assets (cloudinary_public_id);
create index media_generations_public_id_idx on media_generations (public_id);

-- Counts the host app reports for each posted variant. Absolute totals, replaced on each report,
-- so a report sent twice counts once.
create table variant_performance (
  order_id uuid not null references orders (id) on delete cascade,
  variant_index integer not null check (variant_index between 0 and 3),
  impressions bigint not null check (impressions >= 0),
  clicks bigint not null check (clicks >= 0 and clicks <= impressions),
  updated_at timestamptz not null default now(),
  primary key (order_id, variant_index)
);

alter table variant_performance enable row level security;
create policy variant_performance_own on variant_performance for select
  using (exists (select 1 from orders o where o.id = order_id and o.user_id = auth.uid()));
grant select on variant_performance to authenticated;
