/**
 * Retry policy: jittered exponential backoff capped near 10 minutes,
 * and a classification of failures. Pure: randomness is a parameter.
 */
export type BackoffPolicy = { baseMs: number; capMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 10 * 60_000 };

/**
 * Delay before attempt `attempt` (1 = first retry): "equal jitter" — half fixed, half random, so the
 * delay is never near zero yet spreads devices apart. `random()` returns [0, 1).
 */
export function backoffDelayMs(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(attempt));
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(n - 1, 30));
  const half = exp / 2;
  return Math.round(half + random() * half);
}

export type FailureClass = 'retry' | 'auth' | 'upgrade' | 'conflict' | 'invalid';

/** How the desk treats an HTTP status from the platform. */
export function classifyHttpStatus(status: number): FailureClass {
  if (status === 401 || status === 403) return 'auth';
  if (status === 426) return 'upgrade';
  if (status === 409) return 'conflict';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'invalid';
  return 'retry';
}

/** Parse Retry-After (seconds or HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
