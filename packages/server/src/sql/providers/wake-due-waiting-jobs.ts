/**
 * The scheduled poll of parked renders: `waiting` jobs whose poll time has come go back to
 * `queued` (the job_queue trigger NOTIFYs workers), and the worker asks the provider where the
 * render is. Webhooks usually come first; this catches the ones that never arrive.
 */
export const WAKE_DUE_WAITING_JOBS = `
  update job_queue
  set status = 'queued', updated_at = now()
  where status = 'waiting' and run_after <= now()
  returning id
`;
