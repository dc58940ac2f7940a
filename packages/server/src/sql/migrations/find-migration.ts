/** $1 migration number. */
export const FIND_MIGRATION = 'select hash from alfie_migrations where id = $1';
