/**
 * Dates a sentence gives ("31 снежня", "September 29, 2020", "w czerwcu", "11.09.2025"), resolved
 * against the day the item was published when the year is left out.
 */
import { foldWord } from '../text/fold.js';
import type { Sentence, Word } from './sentence-words.js';

export interface TextDate {
  /** Word indices [first, end) the date spans: its numbers are days and years, not counts. */
  first: number;
  end: number;
  /** `YYYY-MM-DD`; the first of the month when only the month is known. */
  date: string;
  precision: 'day' | 'month';
}

/** Month names as they stand beside a day (genitive in the Slavic and Baltic languages). */
const MONTHS: readonly string[] = [
  'January Jan января січня студзеня stycznia sausio Januar Jänner janvier enero janeiro gennaio ianuarie ledna januára',
  'February Feb февраля лютого лютага lutego vasario Februar février febrero fevereiro febbraio februarie února februára',
  'March Mar марта березня сакавіка marca kovo März mars marzo março martie března',
  'April Apr апреля квітня красавіка kwietnia balandžio avril abril aprile aprilie dubna apríla',
  'May мая травня траўня maja gegužės Mai mai mayo maio maggio května mája',
  'June Jun июня червня чэрвеня czerwca birželio Juni juin junio junho giugno iunie června júna',
  'July Jul июля липня ліпеня lipca liepos Juli juillet julio julho luglio iulie července júla',
  'August Aug августа серпня жніўня sierpnia rugpjūčio août agosto srpna augusta',
  'September Sep Sept сентября вересня верасня września rugsėjo septembre septiembre setembro settembre septembrie září septembra',
  'October Oct октября жовтня кастрычніка października spalio Oktober octobre octubre outubro ottobre octombrie října októbra',
  'November Nov ноября листопада лістапада listopada lapkričio novembre noviembre novembro noiembrie listopadu novembra',
  'December Dec декабря грудня снежня grudnia gruodžio Dezember décembre diciembre dezembro dicembre decembrie prosince decembra',
];

/** Month names after "in" ("в сентябре", "у верасні", "w czerwcu", "in September"). */
const MONTHS_IN: readonly string[] = [
  'January январе січні студзені styczniu Januar janvier enero janeiro ianuarie',
  'February феврале лютому лютым lutym Februar février febrero fevereiro februarie',
  'March марте березні сакавіку marcu März mars marzo março martie',
  'April апреле квітні красавіку kwietniu avril abril aprilie',
  'May мае травні траўні маі maju Mai mai mayo maio',
  'June июне червні чэрвені czerwcu Juni juin junio junho iunie',
  'July июле липні ліпені lipcu Juli juillet julio julho iulie',
  'August августе серпні жніўні sierpniu août agosto august',
  'September сентябре вересні верасні wrześniu septembre septiembre setembro septembrie',
  'October октябре жовтні кастрычніку październiku Oktober octobre octubre outubro octombrie',
  'November ноябре листопаді лістападзе listopadzie novembre noviembre novembro noiembrie',
  'December декабре грудні снежні grudniu Dezember décembre diciembre dezembro decembrie',
];

/** "in" before a month: English, Russian, Ukrainian, Belarusian, Polish, German, French, Spanish, Portuguese, Romanian. */
const IN_WORDS = new Set(['in', 'v', 'vo', 'u', 'w', 'we', 'im', 'en', 'em', 'last'].map(foldWord));

/** Month words that are English (or other) common words too: trusted only when capitalised. */
const CAPITALISED_ONLY = new Set([
  'may',
  'mar',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
  'jan',
  'feb',
  'apr',
  'mai',
  'mars',
  'march',
]);

function monthTable(rows: readonly string[]): Map<string, number> {
  const table = new Map<string, number>();
  rows.forEach((row, index) => {
    for (const word of row.split(' ')) table.set(foldWord(word), index + 1);
  });
  return table;
}

const MONTH_BY_WORD = monthTable(MONTHS);
const MONTH_IN_BY_WORD = monthTable(MONTHS_IN);

function monthOf(word: Word | undefined, table: Map<string, number>): number | null {
  if (word === undefined) return null;
  const month = table.get(word.fold);
  if (month === undefined) return null;
  const first = word.surface[0] ?? '';
  if (CAPITALISED_ONLY.has(word.fold) && first === first.toLowerCase()) return null;
  return month;
}

function dayOf(word: Word | undefined): number | null {
  if (word === undefined || !/^\d{1,2}$/.test(word.surface)) return null;
  const day = Number(word.surface);
  return day >= 1 && day <= 31 ? day : null;
}

function yearOf(word: Word | undefined): number | null {
  if (word === undefined || !/^(19|20)\d\d$/.test(word.surface)) return null;
  return Number(word.surface);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Two days of slack: an item published just before midnight may speak of "tomorrow's" date. */
const FUTURE_SLACK_MS = 2 * 86_400_000;

/** The year a yearless day-and-month most likely means: the last such date not after publication. */
function resolveDay(month: number, day: number, year: number | null, published: Date): string | null {
  if (year !== null) return iso(year, month, day);
  const publishedYear = published.getUTCFullYear();
  const thisYear = Date.UTC(publishedYear, month - 1, day);
  const chosen = thisYear > published.getTime() + FUTURE_SLACK_MS ? publishedYear - 1 : publishedYear;
  return iso(chosen, month, day);
}

function resolveMonth(month: number, year: number | null, published: Date): string {
  const publishedYear = published.getUTCFullYear();
  const chosen = year ?? (month > published.getUTCMonth() + 1 ? publishedYear - 1 : publishedYear);
  return `${chosen}-${pad(month)}-01`;
}

/** Numeric dates inside one word run: 11.09.2025, 21.6.2021, 2025-09-11. */
function numericDate(
  words: readonly Word[],
  i: number,
  end: number,
): { date: string; length: number } | null {
  const a = words[i];
  const b = words[i + 1];
  const c = words[i + 2];
  if (a === undefined || b === undefined || c === undefined || i + 2 >= end) return null;
  const digits = (word: Word) => /^\d+$/.test(word.surface);
  if (!digits(a) || !digits(b) || !digits(c)) return null;
  if (/^(19|20)\d\d$/.test(a.surface) && b.gap === '-' && c.gap === '-') {
    const date = iso(Number(a.surface), Number(b.surface), Number(c.surface));
    return date === null ? null : { date, length: 3 };
  }
  if (b.gap === '.' && c.gap === '.' && /^\d{1,2}$/.test(a.surface) && /^\d{1,2}$/.test(b.surface)) {
    const year = yearOf(c);
    const date = year === null ? null : iso(year, Number(b.surface), Number(a.surface));
    return date === null ? null : { date, length: 3 };
  }
  return null;
}

/** A day and a month side by side at `i` ("31 снежня", "September 29"), with the year if one follows. */
function dayAndMonth(words: readonly Word[], i: number, end: number): { month: number; day: number } | null {
  if (i + 1 >= end) return null;
  const dayFirst = dayOf(words[i]);
  const monthSecond = dayFirst === null ? null : monthOf(words[i + 1], MONTH_BY_WORD);
  if (dayFirst !== null && monthSecond !== null) return { month: monthSecond, day: dayFirst };
  const monthFirst = monthOf(words[i], MONTH_BY_WORD);
  const daySecond = monthFirst === null ? null : dayOf(words[i + 1]);
  return monthFirst !== null && daySecond !== null ? { month: monthFirst, day: daySecond } : null;
}

/** Every date the sentence gives, in order. */
export function findTextDates(words: readonly Word[], sentence: Sentence, publishedAt: string): TextDate[] {
  const published = new Date(publishedAt);
  const found: TextDate[] = [];
  const { end } = sentence;
  for (let i = sentence.first; i < end; i++) {
    const numeric = numericDate(words, i, end);
    if (numeric !== null) {
      found.push({ first: i, end: i + numeric.length, date: numeric.date, precision: 'day' });
      i += numeric.length - 1;
      continue;
    }
    const pair = dayAndMonth(words, i, end);
    if (pair !== null) {
      // "31 снежня", "11 września 2025 r.", "September 29, 2020", "rugsėjo 11 d."
      const year = i + 2 < end ? yearOf(words[i + 2]) : null;
      const date = resolveDay(pair.month, pair.day, year, published);
      const last = year === null ? i + 2 : i + 3;
      if (date !== null) found.push({ first: i, end: last, date, precision: 'day' });
      i = last - 1;
      continue;
    }
    const monthIn = monthOf(words[i], MONTH_IN_BY_WORD);
    const before = words[i - 1];
    if (monthIn !== null && i > sentence.first && before !== undefined && IN_WORDS.has(before.fold)) {
      // "в сентябре", "w czerwcu 2025"
      const year = i + 1 < end ? yearOf(words[i + 1]) : null;
      const last = year === null ? i + 1 : i + 2;
      found.push({
        first: i - 1,
        end: last,
        date: resolveMonth(monthIn, year, published),
        precision: 'month',
      });
      i = last - 1;
    }
  }
  return found;
}
