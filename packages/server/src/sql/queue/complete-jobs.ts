/**
 * Marks claimed jobs completed, many in one round trip: $1 ids, $2 their claim attempts (same
 * order), each list as one comma-separated text, $3 worker. Text lists because node-postgres
 * writes a JS array parameter element by element with quoting and escaping: 3 µs a job in a
 * drain of no-op jobs, a tenth of the worker's time; uuids and integers need neither. A job whose lease was lost (reclaimed by another worker) no
 * longer matches its token and is left alone. One statement, the `complete_jobs` function written
 * out in complete-jobs-function.ts beside this file (a function so that its plan stays a lookup
 * by primary key; the reason is written there).
 */
export const COMPLETE_JOBS = `select complete_jobs(string_to_array($1, ',')::uuid[], string_to_array($2, ',')::int[], $3)`;
