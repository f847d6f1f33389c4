import { describe, expect, it } from 'vitest';
import { windowStart } from '../../../src/time/time-window.js';

const now = new Date('2026-01-31T12:00:00Z');

describe('windowStart', () => {
  it('reads hours, days and weeks back from now', () => {
    expect(windowStart('24h', now)).toEqual({ ok: true, since: '2026-01-30T12:00:00.000Z' });
    expect(windowStart('90d', now)).toEqual({ ok: true, since: '2025-11-02T12:00:00.000Z' });
    expect(windowStart('2w', now)).toEqual({ ok: true, since: '2026-01-17T12:00:00.000Z' });
  });

  it('refuses anything else with what it expected', () => {
    for (const bad of ['90', 'd', '-1d', '1.5d', '0d', '3651d', 'yesterday', '']) {
      const result = windowStart(bad, now);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/expected/);
    }
  });
});
