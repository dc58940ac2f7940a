/**
 * Marks claimed jobs completed, many in one round trip: $1 ids (uuid[]), $2 their claim attempts
 * (int[], same order), $3 worker. A job whose lease was lost (reclaimed by another worker) no
 * longer matches its token and is left alone. One statement, the `complete_jobs` function written
 * out in complete-jobs-function.ts beside this file (a function so that its plan stays a lookup
 * by primary key; the reason is written there).
 */
export const COMPLETE_JOBS = `select complete_jobs($1::uuid[], $2::int[], $3)`;
