#!/bin/sh
# Starts the API and the worker against Supabase Postgres, Supabase Auth tokens and Supabase Storage.
set -eu
cd "$(dirname "$0")/.."
[ -f .env ] && set -a && . ./.env && set +a
exec npx alfie-server start
