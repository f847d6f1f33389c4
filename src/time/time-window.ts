/** "90d", "24h", "2w": how far back a command looks, read into the start of that window. Pure. */

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
/** Ten years: further back than any corpus reaches. */
const MAX_WINDOW_MS = 3650 * UNIT_MS.d;

export type TimeWindow = { ok: true; since: string } | { ok: false; error: string };

/** The ISO time `text` (a number and h, d or w) before `now`; a clear error for anything else. */
export function windowStart(text: string, now: Date): TimeWindow {
  const match = /^(\d{1,6})([hdw])$/.exec(text.trim());
  if (match === null) {
    return {
      ok: false,
      error: `expected a number of hours, days or weeks such as 24h, 90d or 2w, not ${JSON.stringify(text.slice(0, 40))}`,
    };
  }
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms <= 0 || ms > MAX_WINDOW_MS) return { ok: false, error: 'expected a window from 1h to 3650d' };
  return { ok: true, since: new Date(now.getTime() - ms).toISOString() };
}
