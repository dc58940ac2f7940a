/**
 * A provider reports render $2 finished: its final state is kept in the job's payload, under
 * `providerResults` by render id, so the worker completes it without asking again. The job is the
 * one whose `provider_ref` is $2 (a video) or that lists $2 in `providerRenders` (one render per
 * item: a remote carousel). A `waiting` job is woken (the status change NOTIFYs `alfie_jobs`
 * through the job_queue trigger); a job queued or running meanwhile only keeps the state, which its
 * next park sees (park-provider-job). A redelivered webhook (its state kept already) and a
 * webhook for an ended job change nothing.
 * $1 provider ('replicate'), $2 provider_ref (prediction id), $3 jsonb provider state.
 * Returns `woke`: whether this call moved the job from `waiting`.
 */
export const RESUME_PROVIDER_JOB = `
  with target as (
    select id, status from job_queue
    where provider = $1
      and (provider_ref = $2
           or payload->'providerRenders' @> jsonb_build_array(jsonb_build_object('ref', $2::text)))
      and status in ('waiting', 'queued', 'running')
      and not coalesce(payload->'providerResults' ? $2::text, false)
    for update
  )
  update job_queue j
  set status = case when target.status = 'waiting' then 'queued' else j.status end,
      run_after = case when target.status = 'waiting' then now() else j.run_after end,
      payload = j.payload || jsonb_build_object('providerResults',
        coalesce(j.payload->'providerResults', '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb)),
      updated_at = now()
  from target
  where j.id = target.id
  returning j.id, target.status = 'waiting' as woke
`;
