/**
 * Wakes the job parked on a provider's render once the provider reports it finished, keeping the
 * provider's final state in the payload so the worker completes it without asking again. Only a
 * `waiting` job moves: a redelivered webhook (same webhook-id, or a late duplicate) updates nothing.
 * The status change NOTIFYs `alfie_jobs` through the job_queue trigger.
 * $1 provider ('replicate'), $2 provider_ref (prediction id), $3 jsonb provider state.
 */
export const RESUME_PROVIDER_JOB = `
  update job_queue
  set status = 'queued',
      run_after = now(),
      payload = payload || jsonb_build_object('providerResult', $3::jsonb),
      updated_at = now()
  where provider = $1 and provider_ref = $2 and status = 'waiting'
  returning id
`;
