/** $1 migration number, $2 file name, $3 SHA-256 of its content. */
export const RECORD_MIGRATION = 'insert into alfie_migrations (id, name, hash) values ($1, $2, $3)';
