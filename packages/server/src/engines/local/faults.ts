import { ConfigError } from '../../config-error.js';
import type { Env } from '../config.js';
import { intEnv } from '../config.js';
import { ProviderError } from '../errors.js';
import { simulatedLatency } from '../latency.js';
import type { ImageEngine, VideoEngine } from '../types.js';

/** Shares (0..1) of local renders that fail, and how. */
export interface FaultShares {
  /** Fails like a provider's 429/503: retried with backoff, never charged. */
  retryable: number;
  /** Fails like a safety refusal: the item fails at once, never charged. */
  permanent: number;
  /** Hangs for `hangMs`, then fails as a retryable TIMEOUT, like a call past its timeout. */
  hang: number;
  hangMs: number;
}

const KINDS = ['retryable', 'permanent', 'hang'] as const;

/**
 * LOCAL_ENGINE_FAULTS, e.g. `retryable=0.2,permanent=0.05,hang=0.05`: the local engines' fault
 * switch, so operators, demos and tests rehearse provider failures without a cloud account.
 * LOCAL_ENGINE_HANG_MS (default 60 000) is how long a hung render waits before its TIMEOUT.
 * Null when unset: no fault.
 */
export function faultSharesFromEnv(env: Env): FaultShares | null {
  const raw = env.LOCAL_ENGINE_FAULTS?.trim();
  if (!raw) return null;
  const shares: FaultShares = {
    retryable: 0,
    permanent: 0,
    hang: 0,
    hangMs: intEnv(env, 'LOCAL_ENGINE_HANG_MS', 60_000),
  };
  for (const part of raw.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    const share = Number(value);
    if (
      !KINDS.includes(name as (typeof KINDS)[number]) ||
      value === undefined ||
      !(share >= 0 && share <= 1)
    ) {
      throw new ConfigError(
        `LOCAL_ENGINE_FAULTS must list kind=share pairs (kinds retryable, permanent, hang; shares 0 to 1), got "${raw}"`,
      );
    }
    shares[name as (typeof KINDS)[number]] = share;
  }
  if (shares.retryable + shares.permanent + shares.hang > 1) {
    throw new ConfigError(`LOCAL_ENGINE_FAULTS shares add up to more than 1: "${raw}"`);
  }
  return shares;
}

/** Draws the fault of one render, if any. */
async function maybeFail(shares: FaultShares, signal: AbortSignal | undefined, random: () => number) {
  const roll = random();
  if (roll < shares.retryable) {
    throw new ProviderError('local engine fault switch: simulated provider overload (503)', {
      retryable: true,
      reason: 'PROVIDER_UNAVAILABLE',
    });
  }
  if (roll < shares.retryable + shares.permanent) {
    throw new ProviderError('local engine fault switch: simulated safety refusal', {
      retryable: false,
      reason: 'SAFETY_BLOCK',
    });
  }
  if (roll < shares.retryable + shares.permanent + shares.hang) {
    await simulatedLatency(shares.hangMs, signal);
    throw new ProviderError('local engine fault switch: simulated render past its timeout', {
      retryable: true,
      reason: 'TIMEOUT',
    });
  }
}

/**
 * Wraps a local engine so a share of its renders fail as configured, before any drawing.
 *
 * @example
 * const image = withImageFaults(createLocalImageEngine(), { retryable: 0.2, permanent: 0, hang: 0, hangMs: 0 });
 */
export function withImageFaults(engine: ImageEngine, shares: FaultShares, random = Math.random): ImageEngine {
  return {
    name: engine.name,
    async generateImage(request) {
      await maybeFail(shares, request.signal, random);
      return engine.generateImage(request);
    },
  };
}

export function withVideoFaults(engine: VideoEngine, shares: FaultShares, random = Math.random): VideoEngine {
  return {
    name: engine.name,
    async generateVideo(request) {
      await maybeFail(shares, request.signal, random);
      return engine.generateVideo(request);
    },
  };
}
