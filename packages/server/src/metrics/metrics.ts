import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  Registry,
} from 'prom-client';

/** How a job run ended, as the queue writes it (one attempt). */
export type JobRunOutcome = 'completed' | 'retry' | 'failed' | 'canceled' | 'released' | 'parked';
/** How a job ended for good, as operators count it: `partial` is a completed job with failed slides. */
export type JobFinalOutcome = 'completed' | 'partial' | 'failed' | 'canceled';
export type ItemKind = 'image' | 'carousel_slide' | 'video';
export type EngineCallResult = 'ok' | 'retryable' | 'permanent' | 'aborted';

const JOB_TYPE_BY_ORDER: Record<string, string> = {
  image: 'render_images',
  carousel: 'render_carousels',
  video: 'generate_video',
};

/** Seconds: a local slide takes ~50 ms, a remote video minutes. */
const GENERATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The counters and histograms of ONE process (API, worker, or both). Code that does the work
 * calls the small methods below; nothing reads the database here (see db-gauges.ts for that).
 * Each instance has its own registry, so tests and several apps in one process never mix counts.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.engineCall('gemini', 'generateImage', 'ok', 1.2);
 * const text = await metrics.registry.metrics();
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly finalStatus = new Map<string, JobFinalOutcome>();

  // One declaration per metric, alike on purpose: each name, label set and help text is what
  // dashboards and alerts depend on (see README.md here), so each stays spelled out where it is read.
  readonly jobsFinished = this.counter(
    'alfie_jobs_finished_total',
    'Jobs that ended for good, by job type and outcome (completed, partial, failed, canceled).',
    ['type', 'outcome'],
  );
  readonly jobRunSeconds = this.histogram(
    'alfie_job_run_seconds',
    'Duration of one job run (one attempt) in this process, by type and run outcome.',
    ['type', 'outcome'],
    GENERATION_BUCKETS,
  );
  readonly itemSeconds = this.histogram(
    'alfie_item_generation_seconds',
    'Generation time of one image, carousel slide or video (the engine call that rendered it).',
    ['kind'],
    GENERATION_BUCKETS,
  );
  readonly orderWallSeconds = this.histogram(
    'alfie_order_wall_seconds',
    'Order wall time, from acceptance to its final status (queue wait and retries included).',
    ['type', 'status'],
    GENERATION_BUCKETS,
  );
  readonly engineCalls = this.counter(
    'alfie_engine_calls_total',
    'Engine calls by engine, operation and result (ok, retryable, permanent, aborted).',
    ['engine', 'operation', 'result'],
  );
  readonly engineSeconds = this.histogram(
    'alfie_engine_call_seconds',
    'Engine call latency by engine, operation and result.',
    ['engine', 'operation', 'result'],
    GENERATION_BUCKETS,
  );
  readonly reuses = this.counter(
    'alfie_reuses_total',
    'Orders that reused an earlier generation instead of rendering, by format.',
    ['type'],
  );
  readonly rendersSaved = this.counter(
    'alfie_renders_saved_total',
    'Images, slides and videos delivered by reuse, so never rendered, by format.',
    ['type'],
  );
  readonly reuseOffers = this.counter(
    'alfie_reuse_offers_total',
    'Requests answered with an offer to reuse a match, by format.',
    ['type'],
  );
  readonly sseEventsSent = this.counter(
    'alfie_sse_events_sent_total',
    'Order events written to SSE clients by this process.',
    [],
  );
  readonly sseClientsDropped = this.counter(
    'alfie_sse_clients_dropped_total',
    'SSE clients dropped for falling behind (they resume with Last-Event-ID), by reason.',
    ['reason'],
  );
  readonly httpRequests = this.counter(
    'alfie_http_requests_total',
    'HTTP requests by method, route pattern and status.',
    ['method', 'route', 'status'],
  );
  readonly httpSeconds = this.histogram(
    'alfie_http_request_duration_seconds',
    'HTTP request latency by method, route pattern and status (SSE: until the stream opens).',
    ['method', 'route', 'status'],
    HTTP_BUCKETS,
  );

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'alfie_' });
  }

  /** The pipeline ended an order: remembered so the job's outcome can say `partial`. */
  orderFinished(
    order: { id: string; type: string; createdAt: Date | string },
    status: JobFinalOutcome,
  ): void {
    const wall = (Date.now() - new Date(order.createdAt).getTime()) / 1000;
    this.orderWallSeconds.observe({ type: order.type, status }, Math.max(0, wall));
    this.finalStatus.set(order.id, status);
  }

  /** One job run ended in this process. */
  jobRun(job: { type: string; orderId: string | null }, outcome: JobRunOutcome, seconds: number): void {
    this.jobRunSeconds.observe({ type: job.type, outcome }, seconds);
    const noted = job.orderId ? this.finalStatus.get(job.orderId) : undefined;
    if (job.orderId) this.finalStatus.delete(job.orderId);
    if (outcome === 'completed') this.jobsFinished.inc({ type: job.type, outcome: noted ?? 'completed' });
    else if (outcome === 'failed') this.jobsFinished.inc({ type: job.type, outcome });
    // `canceled` is counted once, by the cancel route that ended the job (jobsCanceled): a worker
    // that sees the cancel afterwards only records its run.
  }

  /** A cancel route ended `count` open jobs of an order of this type (image, carousel, video). */
  jobsCanceled(orderType: string, count: number): void {
    const type = JOB_TYPE_BY_ORDER[orderType] ?? orderType;
    if (count > 0) this.jobsFinished.inc({ type, outcome: 'canceled' }, count);
  }

  /** An order was delivered by reusing `items` earlier files. */
  orderReused(type: string, items: number): void {
    this.reuses.inc({ type });
    this.rendersSaved.inc({ type }, items);
  }

  itemDelivered(kind: ItemKind, seconds: number): void {
    this.itemSeconds.observe({ kind }, seconds);
  }

  engineCall(engine: string, operation: string, result: EngineCallResult, seconds: number): void {
    countAndTime(this.engineCalls, this.engineSeconds, { engine, operation, result }, seconds);
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    countAndTime(this.httpRequests, this.httpSeconds, { method, route, status: String(status) }, seconds);
  }

  // Field initialisers below `registry` call these, so every metric lands in this instance's registry.
  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  private histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets: number[],
  ): Histogram<L> {
    return new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  /** Adds a gauge read at scrape time (SSE clients, database figures). */
  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge<L>({ ...config, registers: [this.registry] });
  }

  /** The Prometheus text exposition of everything above. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Calls are counted and timed under the same labels, so rate and latency always line up. */
function countAndTime<L extends string>(
  calls: Counter<L>,
  latency: Histogram<L>,
  labels: Partial<Record<L, string>>,
  seconds: number,
): void {
  calls.inc(labels);
  latency.observe(labels, seconds);
}

/** @example const metrics = createMetrics(); */
export function createMetrics(options?: { processMetrics?: boolean }): Metrics {
  return new Metrics(options);
}
