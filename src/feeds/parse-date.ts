/** Parses the dates feeds really contain (RFC 822 variants, ISO 8601, timestamps, localized months). */

// RFC 822 §5.1 and RFC 2822 §4.3 zone names, plus the ones feeds use anyway.
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  msd: 240,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
};

// Month names by their first three letters (four where three collide), lower case without diacritics:
// English, German, French, Spanish, Portuguese, Italian, Polish, Russian, Ukrainian, Belarusian, Greek.
const MONTH_PREFIXES: [string, number][] = [
  ...['jan', 'ene', 'gen', 'sty', 'янв', 'січ', 'сту', 'ιαν'].map((p) => [p, 1] as [string, number]),
  ...['feb', 'fev', 'fév', 'lut', 'фев', 'лют', 'φεβ'].map((p) => [p, 2] as [string, number]),
  ...['mar', 'mär', 'mrz', 'мар', 'бер', 'сак', 'μαρ'].map((p) => [p, 3] as [string, number]),
  ...['apr', 'abr', 'avr', 'kwi', 'апр', 'кві', 'кра', 'απρ'].map((p) => [p, 4] as [string, number]),
  ...['may', 'mai', 'mag', 'maj', 'мая', 'май', 'тра', 'μαϊ', 'μαΐ', 'μαι'].map(
    (p) => [p, 5] as [string, number],
  ),
  ...['jun', 'juin', 'giu', 'cze', 'июн', 'чер', 'чэр', 'ιουν'].map((p) => [p, 6] as [string, number]),
  ...['jul', 'juil', 'lug', 'lip', 'июл', 'лип', 'ліп', 'ιουλ'].map((p) => [p, 7] as [string, number]),
  ...['aug', 'ago', 'aoû', 'aou', 'sie', 'авг', 'сер', 'жні', 'αυγ'].map((p) => [p, 8] as [string, number]),
  ...['sep', 'set', 'wrz', 'сен', 'вер', 'σεπ'].map((p) => [p, 9] as [string, number]),
  ...['oct', 'okt', 'out', 'ott', 'paź', 'paz', 'окт', 'жов', 'кас', 'οκτ'].map(
    (p) => [p, 10] as [string, number],
  ),
  ...['nov', 'lis', 'ноя', 'лис', 'ліс', 'νοε', 'νοέ'].map((p) => [p, 11] as [string, number]),
  ...['dec', 'dez', 'dic', 'déc', 'gru', 'дек', 'гру', 'сне', 'δεκ'].map((p) => [p, 12] as [string, number]),
];
const MONTHS = new Map(MONTH_PREFIXES);

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[a-z]{1,5})?$/i;
const TIME = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?\b)?/i;
const OFFSET = /(?:^|[\s\d])([+-])(\d{2}):?(\d{2})\b/;
const WORD = /[\p{L}]+/gu;
const NUMBER = /\d+/g;
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b/;
const UNIX = /^\d{9,13}$/;
const COMPACT_TIME = /^\d{4}$/;

/** Parses a feed date into an ISO 8601 string (UTC), or null when it cannot be understood. No zone = UTC. */
export function parseDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim();
  if (s.length === 0 || s.length > 100) return null;

  if (UNIX.test(s)) {
    const n = Number(s);
    return toIso(s.length > 11 ? n : n * 1000);
  }

  const iso = ISO.exec(s);
  if (iso) {
    const zone = iso[8] === undefined ? 0 : zoneOffset(iso[8]);
    if (zone === null) return null;
    const ms = iso[7] === undefined ? 0 : Math.round(Number(`0.${iso[7]}`) * 1000);
    return build(+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), ms, zone);
  }
  return parseLoose(s);
}

/** RFC 822 and the many human variants: weekday optional (and ignored), month as a word in any position. */
function parseLoose(s: string): string | null {
  let rest = s.toLowerCase();
  let hour = 0;
  let minute = 0;
  let second = 0;
  const time = TIME.exec(rest);
  if (time) {
    hour = +time[1]!;
    minute = +time[2]!;
    second = +(time[3] ?? 0);
    if (time[4] === 'p' && hour < 12) hour += 12;
    if (time[4] === 'a' && hour === 12) hour = 0;
    rest = `${rest.slice(0, time.index)} ${rest.slice(time.index + time[0].length)}`;
  }

  let zone = 0;
  const offset = OFFSET.exec(rest);
  if (offset) {
    zone = (offset[1] === '-' ? -1 : 1) * (+offset[2]! * 60 + +offset[3]!);
    rest = `${rest.slice(0, offset.index + 1)} ${rest.slice(offset.index + offset[0].length)}`;
  }

  let month = 0;
  for (const word of rest.match(WORD) ?? []) {
    const zoneMinutes = offset ? undefined : ZONES[word];
    if (zoneMinutes !== undefined) {
      zone = zoneMinutes;
      continue;
    }
    if (word.length < 3) continue;
    const m = MONTHS.get(word.slice(0, 4)) ?? MONTHS.get(word.slice(0, 3));
    // The last month word wins: a leading weekday such as Spanish "mar" (martes) is not a month.
    if (m !== undefined) month = m;
  }

  let day = 0;
  let year = 0;
  if (month === 0) {
    const dotted = DOTTED.exec(rest);
    if (!dotted) return null;
    day = +dotted[1]!;
    month = +dotted[2]!;
    year = expandYear(dotted[3]!);
  } else {
    for (const n of rest.match(NUMBER) ?? []) {
      if (n.length === 4 && year !== 0 && !time && COMPACT_TIME.test(n)) {
        // "03 Apr 02 1500 GMT": an HHMM time after a two-digit year.
        hour = +n.slice(0, 2);
        minute = +n.slice(2);
      } else if (n.length === 4 && year === 0) year = +n;
      else if (n.length <= 2 && day === 0 && +n >= 1 && +n <= 31) day = +n;
      else if (n.length === 2 && year === 0) year = expandYear(n);
    }
  }
  if (year === 0 || day === 0) return null;
  return build(year, month, day, hour, minute, second, 0, zone);
}

/** RFC 2822 §4.3: two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999. */
function expandYear(y: string): number {
  const n = +y;
  if (y.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function zoneOffset(z: string): number | null {
  const lower = z.toLowerCase();
  if (lower[0] === '+' || lower[0] === '-') {
    const digits = lower.slice(1).replace(':', '');
    const minutes = +digits.slice(0, 2) * 60 + +(digits.slice(2) || 0);
    return lower[0] === '-' ? -minutes : minutes;
  }
  return ZONES[lower] ?? null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  zoneMinutes: number,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  if (year < 1900 || year > 2200) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 February into March: reject days the month does not have.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return toIso(utc - zoneMinutes * 60_000);
}

function toIso(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
