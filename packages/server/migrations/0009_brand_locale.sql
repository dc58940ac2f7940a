-- The language a brand writes in: an order without its own locale takes it, before the
-- browser's Accept-Language. Null: no preference.
alter table brands add column locale text check (locale is null or locale ~ '^[a-z]{2}$');
