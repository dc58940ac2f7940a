#!/bin/sh
# Applies Alfie's migrations to the Supabase database (idempotent: already applied files are skipped).
# On Supabase the migration finds the real auth.uid() and the anon/authenticated roles, and keeps them.
set -eu
cd "$(dirname "$0")/.."
[ -f .env ] && set -a && . ./.env && set +a
: "${DATABASE_URL:?set DATABASE_URL to the Supabase Postgres connection string}"
exec npx alfie-server migrate
