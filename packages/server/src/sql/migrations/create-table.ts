/** The record of applied migrations (created by the first migration run). */
export const CREATE_MIGRATIONS_TABLE = `
  create table if not exists alfie_migrations (
    id integer primary key,
    name text not null,
    hash text not null,
    applied_at timestamptz not null default now()
  )
`;
