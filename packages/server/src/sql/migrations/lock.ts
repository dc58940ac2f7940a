/** Serialises migrating processes until the transaction ends. $1 lock key. */
export const MIGRATION_LOCK = 'select pg_advisory_xact_lock($1)';
