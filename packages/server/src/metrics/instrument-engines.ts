import { isProviderError } from '../engines/errors.js';
import type { Engines } from '../engines/index.js';
import { jobScope } from './job-scope.js';
import type { EngineCallResult, ItemKind, Metrics } from './metrics.js';

/** Engine methods that call a provider (or render locally), by engine role. */
const TIMED_METHODS: Record<keyof Engines, readonly string[]> = {
  image: ['generateImage', 'startImage', 'checkImage', 'cancelImage'],
  video: ['generateVideo', 'startVideo', 'checkVideo', 'cancelVideo'],
  planner: ['planSlides'],
};

export function classifyEngineResult(error: unknown): EngineCallResult {
  if (!isProviderError(error)) return 'retryable';
  if (error.reason === 'ABORTED') return 'aborted';
  return error.retryable ? 'retryable' : 'permanent';
}

/** What one generation call produces, for the per-item histogram (null: not an item render). */
function itemKind(method: string, request: unknown): ItemKind | null {
  if (method === 'generateVideo') return 'video';
  if (method !== 'generateImage') return null;
  return (request as { slide?: unknown } | undefined)?.slide ? 'carousel_slide' : 'image';
}

function instrument<T extends object>(engine: T, methods: readonly string[], metrics: Metrics): T {
  const name = String((engine as { name?: unknown }).name ?? 'unknown');
  return new Proxy(engine, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !methods.includes(property) || typeof value !== 'function') {
        return value;
      }
      return async (...args: unknown[]) => {
        const started = performance.now();
        const slide = (args[0] as { slide?: { index?: number } } | undefined)?.slide?.index;
        const done = (result: EngineCallResult, error?: unknown) => {
          const seconds = (performance.now() - started) / 1000;
          metrics.engineCall(name, property, result, seconds);
          const kind = itemKind(property, args[0]);
          if (kind && result === 'ok') metrics.itemDelivered(kind, seconds);
          const fields = {
            event: 'engine_call',
            engine: name,
            operation: property,
            slide,
            result,
            ms: Math.round(seconds * 1000),
            reason: isProviderError(error) ? error.reason : undefined,
            error: error instanceof Error ? error.message : undefined,
          };
          const log = jobScope.getStore()?.logger;
          if (result === 'ok') log?.info(fields, 'engine call');
          else log?.warn(fields, 'engine call failed');
        };
        try {
          const result = await value.apply(target, args);
          done('ok');
          return result;
        } catch (error) {
          done(classifyEngineResult(error), error);
          throw error;
        }
      };
    },
  });
}

/**
 * The same engines, with every provider call counted, timed and logged: alfie_engine_calls_total
 * and alfie_engine_call_seconds by engine, operation and result; alfie_item_generation_seconds per
 * image, carousel slide and video; an `engine call` log line with the job's ids (job-scope.ts).
 * Engine code is untouched: a Proxy wraps the calls and passes everything else through, so
 * `isParkableVideoEngine` and the engines' own properties still work.
 *
 * @example
 * const worker = await startWorker({ db, engines: instrumentEngines(createEngines(env), metrics), ... });
 */
export function instrumentEngines(engines: Engines, metrics: Metrics): Engines {
  return {
    image: instrument(engines.image, TIMED_METHODS.image, metrics),
    video: instrument(engines.video, TIMED_METHODS.video, metrics),
    planner: instrument(engines.planner, TIMED_METHODS.planner, metrics),
  };
}
