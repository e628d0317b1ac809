// Pure (no server-only): the petition panel recomputes it in the browser when the count changes.

const NICE_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10];

/** The smallest "nice" number (1, 1.5, 2, 2.5, 3, 4, 5, 7.5 × 10ⁿ) at or above `n`. */
export function niceCeil(n: number): number {
  if (n <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of NICE_STEPS) {
    const candidate = step * magnitude;
    // 1.5, 2.5 and 7.5 are only nice from 10 upwards (no fractional goals).
    if (Number.isInteger(candidate) && candidate >= n) return candidate;
  }
  return 10 * magnitude;
}

/**
 * The goal to show. Once the count reaches the goal and auto-step is on, the shown goal climbs to
 * the next nice number at least 1.5× the previous one, repeatedly, so the bar never sits at 100 %.
 * Computed for display only; the stored goal never changes.
 */
export function displayGoal(count: number, goal: number, autoStep: boolean): number {
  const base = Math.max(1, Math.floor(goal));
  if (!autoStep || count < base) return base;
  let shown = base;
  while (count >= shown) shown = niceCeil(shown * 1.5);
  return shown;
}
