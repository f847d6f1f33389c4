// Digest schedules: what `digest daily|weekly …` accepts, and when each digest is due, daylight-saving
// changes included (Europe/Warsaw springs forward on 29 March 2026 and falls back on 25 October).
import { describe, expect, it } from 'vitest';
import {
  type DigestSchedule,
  describeSchedule,
  dueAfter,
  dueAtOrBefore,
  parseDigestSchedule,
  periodEndingAt,
} from '../../../src/digests/digest-schedule.js';

const daily = (time: string, timeZone: string): DigestSchedule => ({
  cadence: 'daily',
  weekday: null,
  time,
  timeZone,
});
const iso = (date: Date) => date.toISOString();

describe('parseDigestSchedule', () => {
  it('reads daily and weekly forms, the zone defaulting to UTC and spelled canonically', () => {
    expect(parseDigestSchedule(['daily', '09:00'])).toEqual({ ok: true, schedule: daily('09:00', 'UTC') });
    expect(parseDigestSchedule(['daily', '9:05', 'europe/minsk'])).toEqual({
      ok: true,
      schedule: daily('09:05', 'Europe/Minsk'),
    });
    expect(parseDigestSchedule(['weekly', 'Mon', '18:30', 'Europe/Warsaw'])).toEqual({
      ok: true,
      schedule: { cadence: 'weekly', weekday: 1, time: '18:30', timeZone: 'Europe/Warsaw' },
    });
    expect(parseDigestSchedule(['weekly', 'sunday', '00:00'])).toMatchObject({
      ok: true,
      schedule: { weekday: 7 },
    });
  });

  it.each([
    [['daily'], 'needs a time'],
    [['daily', '25:00'], '`25:00` is not a time'],
    [['daily', '9am'], '`9am` is not a time'],
    [['daily', '09:00', 'Mars/Olympus'], '`Mars/Olympus` is not a time zone'],
    [['daily', '09:00', 'Europe/Minsk', 'extra'], 'Too many words'],
    [['weekly', '09:00'], '`09:00` is not a day of the week'],
    [['weekly', 'mo', '09:00'], '`mo` is not a day of the week'],
    [['weekly'], 'needs a day and a time'],
  ])('refuses %j, saying what was wrong', (args, error) => {
    const parsed = parseDigestSchedule(args);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });
});

describe('when a digest is due', () => {
  it('09:00 in Minsk is 06:00 UTC; the period is the day before it', () => {
    const minsk = daily('09:00', 'Europe/Minsk');
    expect(iso(dueAtOrBefore(minsk, new Date('2026-12-05T05:59:59Z')))).toBe('2026-12-04T06:00:00.000Z');
    expect(iso(dueAtOrBefore(minsk, new Date('2026-12-05T06:00:00Z')))).toBe('2026-12-05T06:00:00.000Z');
    expect(iso(dueAfter(minsk, new Date('2026-12-05T06:00:00Z')))).toBe('2026-12-06T06:00:00.000Z');
    const period = periodEndingAt(minsk, new Date('2026-12-05T06:00:00Z'));
    expect([iso(period.start), iso(period.end)]).toEqual([
      '2026-12-04T06:00:00.000Z',
      '2026-12-05T06:00:00.000Z',
    ]);
    expect(describeSchedule(minsk)).toBe('daily at 09:00 (Europe/Minsk)');
  });

  it('keeps the local time across daylight-saving changes (Europe/Warsaw)', () => {
    const warsaw = daily('09:00', 'Europe/Warsaw');
    // 09:00 CET is 08:00 UTC; from 29 March, 09:00 CEST is 07:00 UTC.
    expect(iso(dueAfter(warsaw, new Date('2026-03-28T12:00:00Z')))).toBe('2026-03-29T07:00:00.000Z');
    const spring = periodEndingAt(warsaw, new Date('2026-03-29T07:00:00Z'));
    expect(iso(spring.start)).toBe('2026-03-28T08:00:00.000Z');
    // The day is 23 hours long.
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    expect(iso(dueAfter(warsaw, new Date('2026-10-24T12:00:00Z')))).toBe('2026-10-25T08:00:00.000Z');
  });

  it('moves a time that does not exist forward by the gap, and takes the first of a time that happens twice', () => {
    const night = daily('02:30', 'Europe/Warsaw');
    // 29 March: 02:00 → 03:00, so 02:30 is 03:30 CEST (01:30 UTC); the next day 02:30 CEST again.
    expect(iso(dueAtOrBefore(night, new Date('2026-03-29T12:00:00Z')))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(dueAfter(night, new Date('2026-03-29T12:00:00Z')))).toBe('2026-03-30T00:30:00.000Z');
    // 25 October: 02:30 happens at 00:30 UTC (CEST) and 01:30 UTC (CET): the first, once.
    expect(iso(dueAfter(night, new Date('2026-10-24T12:00:00Z')))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(dueAfter(night, new Date('2026-10-25T00:30:00Z')))).toBe('2026-10-26T01:30:00.000Z');
  });

  it('weekly: the same weekday and time each week, the period a week long', () => {
    const monday = { cadence: 'weekly', weekday: 1, time: '09:00', timeZone: 'Europe/Minsk' } as const;
    // Saturday 5 December 2026: the last Monday 09:00 was 30 November.
    expect(iso(dueAtOrBefore(monday, new Date('2026-12-05T12:00:00Z')))).toBe('2026-11-30T06:00:00.000Z');
    expect(iso(dueAfter(monday, new Date('2026-12-05T12:00:00Z')))).toBe('2026-12-07T06:00:00.000Z');
    expect(iso(dueAtOrBefore(monday, new Date('2026-12-07T06:00:00Z')))).toBe('2026-12-07T06:00:00.000Z');
    expect(iso(periodEndingAt(monday, new Date('2026-12-07T06:00:00Z')).start)).toBe(
      '2026-11-30T06:00:00.000Z',
    );
    expect(describeSchedule(monday)).toBe('weekly on Monday at 09:00 (Europe/Minsk)');
  });
});
