export const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/**
 * Delay before attempt `attempt + 1`: base · 2^(attempt-1), plus up to 10% jitter so a burst of
 * failures does not retry in lockstep, capped at six hours.
 */
export function backoffDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(Math.min(exponential * (1 + 0.1 * random()), MAX_BACKOFF_MS));
}
