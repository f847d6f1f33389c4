/** How often a source may be polled: 60 to 86,400 seconds wherever it is set (design.md). Pure. */

/** Outlets are not polled more than once a minute; VIGIL_MIN_INTERVAL lowers this for tests. */
export const MIN_INTERVAL_SECONDS = 60;
/** At least once a day; also keeps every interval far inside Node's timer range. */
export const MAX_INTERVAL_SECONDS = 86_400;
export const DEFAULT_INTERVAL_SECONDS = 600;

export interface IntervalLimits {
  min: number;
  max: number;
}

export function intervalLimits(minSeconds: number = MIN_INTERVAL_SECONDS): IntervalLimits {
  return { min: minSeconds, max: MAX_INTERVAL_SECONDS };
}

/** What is wrong with an interval (to follow the name of the flag or field), or null when it is fine. */
export function intervalProblem(seconds: number, limits: IntervalLimits): string | null {
  if (Number.isInteger(seconds) && seconds >= limits.min && seconds <= limits.max) return null;
  return `must be a whole number of seconds from ${limits.min} to ${limits.max} (got ${seconds})`;
}

/** The nearest allowed interval: for rows stored before the limits existed. */
export function clampInterval(seconds: number, limits: IntervalLimits): number {
  if (!Number.isFinite(seconds)) return limits.max;
  return Math.min(limits.max, Math.max(limits.min, Math.round(seconds)));
}
