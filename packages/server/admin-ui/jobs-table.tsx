import type { ProblemJob } from '../src/admin/stats.js';

interface JobsTableProps {
  jobs: ProblemJob[];
  busy: string | null;
  onRetry: (job: ProblemJob) => void;
  onCancel: (job: ProblemJob) => void;
}

const OPEN_ORDER = new Set(['pending', 'processing']);

/** Failed jobs of the range and jobs stuck for more than 10 minutes, with what went wrong. */
export function JobsTable({ jobs, busy, onRetry, onCancel }: JobsTableProps) {
  if (jobs.length === 0) return <p class="empty">No failed or stuck job.</p>;
  return (
    <table class="jobs">
      <thead>
        <tr>
          <th>Problem</th>
          <th>Job</th>
          <th>Order</th>
          <th>Attempts</th>
          <th>Last error</th>
          <th>Updated</th>
          <th>Action</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} data-job-id={job.id} class={job.problem}>
            <td>
              <span class={`badge ${job.problem}`}>{job.problem}</span>
              {job.pastLease && <span class="badge lease">past lease</span>}
            </td>
            <td>
              <code>{job.id.slice(0, 8)}</code> {job.type} <small>({job.status})</small>
            </td>
            <td>
              <code>{job.orderId?.slice(0, 8) ?? '–'}</code> <small>{job.orderStatus}</small>
            </td>
            <td>
              {job.attempts}/{job.maxAttempts}
            </td>
            <td class="last-error">{job.lastError ?? '–'}</td>
            <td>{new Date(job.updatedAt).toLocaleString()}</td>
            <td>
              {job.status === 'failed' && (
                <button type="button" disabled={busy === job.id} onClick={() => onRetry(job)}>
                  Retry job
                </button>
              )}
              {job.problem === 'stuck' && job.orderId && OPEN_ORDER.has(job.orderStatus ?? '') && (
                <button type="button" class="danger" disabled={busy === job.id} onClick={() => onCancel(job)}>
                  Cancel order
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
