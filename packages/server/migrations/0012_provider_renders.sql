-- Remote images park like videos (issue 13): a job may wait on one render per item, listed in
-- payload->'providerRenders' as [{ item, ref }]. The webhook finds the job by any of those refs
-- (src/sql/providers/resume-provider-job.ts) through this index, never by scanning the queue.
create index job_queue_provider_renders_idx on job_queue
  using gin ((payload->'providerRenders') jsonb_path_ops)
  where provider is not null;
