/**
 * When a channel's digest is due: `daily HH:MM` or `weekly DAY HH:MM`, in an IANA time zone (UTC by
 * default). Local wall-clock times are turned into instants with luxon, which knows each zone's
 * daylight-saving rules: a time that does not exist that day (spring forward) moves forward by the
 * gap, and a time that happens twice (fall back) is its first occurrence. Pure.
 */
import { DateTime, IANAZone, type WeekdayNumbers } from 'luxon';

export interface DigestSchedule {
  cadence: 'daily' | 'weekly';
  /** ISO weekday, 1 = Monday … 7 = Sunday; null for daily. */
  weekday: number | null;
  /** Local time, `HH:MM`. */
  time: string;
  /** An IANA zone name as the runtime spells it (`Europe/Minsk`, `UTC`). */
  timeZone: string;
}

/** A digest's time window, [start, end): end is the scheduled time it is sent at. */
export interface DigestPeriod {
  start: Date;
  end: Date;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export type ParseScheduleResult = { ok: true; schedule: DigestSchedule } | { ok: false; error: string };

/** `09:00` or `9:00` → `09:00`; null when it is not a time of day. */
function parseTime(word: string): string | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(word);
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2]}` : null;
}

/** An English day name or its first three letters or more (`mon`, `Monday`), any case. */
function parseWeekday(word: string): number | null {
  const lower = word.toLowerCase();
  const index = WEEKDAYS.findIndex((day) => day === lower || (lower.length >= 3 && day.startsWith(lower)));
  return index < 0 ? null : index + 1;
}

/** The zone's canonical name (`europe/minsk` → `Europe/Minsk`), or null when the runtime does not know it. */
function canonicalZone(name: string): string | null {
  if (!IANAZone.isValidZone(name)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** The words after `digest`: `daily 09:00 [ZONE]` or `weekly monday 09:00 [ZONE]`. */
export function parseDigestSchedule(args: readonly string[]): ParseScheduleResult {
  const [cadence, ...rest] = args.map((arg) => arg.trim());
  const weekly = cadence?.toLowerCase() === 'weekly';
  let weekday: number | null = null;
  if (weekly) {
    const day = rest.shift();
    if (day === undefined) return { ok: false, error: '`digest weekly` needs a day and a time.' };
    weekday = parseWeekday(day);
    if (weekday === null) return { ok: false, error: `\`${day.slice(0, 20)}\` is not a day of the week.` };
  }
  const [timeWord, zoneWord, ...extra] = rest;
  if (timeWord === undefined) return { ok: false, error: `\`digest ${cadence}\` needs a time, like 09:00.` };
  const time = parseTime(timeWord);
  if (time === null) {
    return { ok: false, error: `\`${timeWord.slice(0, 20)}\` is not a time: use 24-hour HH:MM, like 09:00.` };
  }
  if (extra.length > 0) return { ok: false, error: 'Too many words: a time zone is one name.' };
  const timeZone = zoneWord === undefined ? 'UTC' : canonicalZone(zoneWord);
  if (timeZone === null) {
    return {
      ok: false,
      error: `\`${(zoneWord ?? '').slice(0, 40)}\` is not a time zone: use an IANA name like Europe/Minsk or UTC.`,
    };
  }
  return { ok: true, schedule: { cadence: weekly ? 'weekly' : 'daily', weekday, time, timeZone } };
}

/** The scheduled local time on the day (daily) or in the ISO week (weekly) of `local`. */
function occurrenceNear(schedule: DigestSchedule, local: DateTime): DateTime {
  const [hour, minute] = schedule.time.split(':').map(Number);
  // Date first, then time: setting the time on the right date lets luxon apply that day's offset.
  const day = schedule.weekday === null ? local : local.set({ weekday: schedule.weekday as WeekdayNumbers });
  return day.startOf('day').set({ hour: hour ?? 0, minute: minute ?? 0 });
}

function step(schedule: DigestSchedule, local: DateTime, count: number): DateTime {
  const moved = schedule.cadence === 'weekly' ? local.plus({ weeks: count }) : local.plus({ days: count });
  return occurrenceNear(schedule, moved);
}

/** The latest scheduled time at or before `at`. */
export function dueAtOrBefore(schedule: DigestSchedule, at: Date): Date {
  const local = DateTime.fromJSDate(at, { zone: schedule.timeZone });
  let candidate = occurrenceNear(schedule, local);
  if (candidate.toMillis() > at.getTime()) candidate = step(schedule, candidate, -1);
  return candidate.toJSDate();
}

/** The first scheduled time after `at`. */
export function dueAfter(schedule: DigestSchedule, at: Date): Date {
  const latest = DateTime.fromJSDate(dueAtOrBefore(schedule, at), { zone: schedule.timeZone });
  return step(schedule, latest, 1).toJSDate();
}

/** The period a digest sent at `end` (a scheduled time) covers: since the scheduled time before it. */
export function periodEndingAt(schedule: DigestSchedule, end: Date): DigestPeriod {
  const local = DateTime.fromJSDate(end, { zone: schedule.timeZone });
  return { start: step(schedule, local, -1).toJSDate(), end };
}

/** `daily at 09:00 (Europe/Minsk)`, `weekly on Monday at 09:00 (UTC)`. */
export function describeSchedule(schedule: DigestSchedule): string {
  const day = schedule.weekday === null ? '' : ` on ${capitalise(WEEKDAYS[schedule.weekday - 1] ?? '')}`;
  return `${schedule.cadence}${day} at ${schedule.time} (${schedule.timeZone})`;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
