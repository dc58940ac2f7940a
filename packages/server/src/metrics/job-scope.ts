import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueueLogger } from '../queue/types.js';

/**
 * The job a piece of async work belongs to. The instrumented handler enters it, so that code
 * far below (the engine proxy) logs with the job's child logger (request, order, job and attempt
 * ids) without every engine signature carrying a logger.
 */
export const jobScope = new AsyncLocalStorage<{ logger: QueueLogger }>();
