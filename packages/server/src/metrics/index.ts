export { registerDbGauges } from './db-gauges.js';
export { httpMetrics } from './http-middleware.js';
export { classifyEngineResult, instrumentEngines } from './instrument-engines.js';
export { instrumentHandler } from './instrument-handler.js';
export {
  createMetrics,
  type EngineCallResult,
  type ItemKind,
  type JobFinalOutcome,
  type JobRunOutcome,
  Metrics,
} from './metrics.js';
