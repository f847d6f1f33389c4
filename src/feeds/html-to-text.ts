/** Turns feed HTML into plain text: tags stripped, entities decoded, scripts dropped, outlet boilerplate removed. */
import { decodeHTMLStrict } from 'entities';
import { Parser } from 'htmlparser2';
import { parseDate } from './parse-date.js';
import { repairText } from './repair-text.js';

// Elements whose content is never reader text.
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'button',
  'select',
  'textarea',
  'form',
  'nav',
]);
// Elements that end a line of text.
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'hr',
  'address',
  'main',
]);

/**
 * Whole lines that are outlet chrome, not story: comment counters ("Write your comment 35"), page
 * navigation ("top of page"), share and follow prompts, media-player leftovers and size pickers. The
 * seeds (shared/seeds) show them as page captures carry them; feeds that embed full pages do too.
 */
const BOILERPLATE = new RegExp(
  [
    String.raw`(?:write|leave|add|post|view|show|read)\s+(?:your\s+|a\s+|all\s+)?comments?(?:\s*[(:]?\s*\d+\)?)?`,
    String.raw`comments?\s*[(:]?\s*\d*\)?`,
    String.raw`\d+\s+comments?`,
    String.raw`(?:комментарии|комментариев|коментарі|каментары|каментарыі|комментировать|коментувати)\s*[(:]?\s*\d*\)?`,
    String.raw`(?:back\s+to\s+|to\s+)?(?:top|bottom)\s+of\s+(?:the\s+)?page`,
    String.raw`back\s+to\s+top|наверх|вверх|уверх|нагору`,
    String.raw`share(?:\s+this(?:\s+(?:article|story|post))?)?:?|поделиться:?|падзяліцца:?|поширити:?|поділитися:?`,
    String.raw`follow\s+\S+(?:\s+\S+){0,3}\s+(?:on\s+)?social\s+media(?:\s+accounts?)?`,
    String.raw`accessibility\s+links|skip\s+to\s+(?:main\s+)?content|please\s+wait|loading\.*|print|версия\s+для\s+печати`,
    String.raw`no\s+media\s+source\s+currently\s+available`,
    String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s+(?:\d{1,2}:)?\d{1,2}:\d{2})*`,
    String.raw`(?:(?:xxs|xs|s|sm|m|md|l|lg|xl|xxl|a[+-])\s*)+`,
    String.raw`advertisement|реклама|subscribe(?:\s+to\s+our\s+newsletter)?`,
    String.raw`breaking\s+news|the\s+website|sim\s+sim,?|charter\s*97`,
    // A bare domain ("vsedelo.com"), a masthead clock ("Minsk 18:03"), a photo credit "(Reuters)".
    String.raw`(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/?`,
    String.raw`\p{Lu}[\p{L}-]{1,20}\s+\d{1,2}:\d{2}`,
    String.raw`\([^()]{1,100}\)`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '^\\s*(?:')
    .concat(')[\\s.!]*$'),
  'iu',
);

// WordPress appends this to every feed item; the only long boilerplate line.
const APPEARED_FIRST = /^the\s+post\s+.{1,400}\s+appeared\s+first\s+on\s+.{1,200}$/i;
// "Read also" introduces a teaser for another story: the marker and the headline after it go.
const READ_ALSO =
  /^(?:(?:read|see)\s+also|читайте\s+(?:также|тоже|також)|чытайце\s+таксама|related(?:\s+(?:articles|stories|news))?)[\s:.]*$/iu;
const SENTENCE_END = /[.!?…]["'»”)]?$/;
// A line made only of a date and a few words ("21 June 2024, Friday, 5:29", "неділя23 березня 2025").
const DATELINE_WORDS = /\p{L}+/gu;

// Soft hyphens and zero-width characters break word search; C0 controls are never text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Runs of spacing, or one odd space: a lone ASCII space is left alone (matching every one is slow).
const INLINE_SPACE =
  /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/** Plain text of an HTML fragment, one line per block, boilerplate lines dropped. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  return cleanLines(repairText(decodeEntities(html.includes('<') ? extractText(html) : html)));
}

/** A one-line plain text (titles): tags stripped, entities decoded, whitespace collapsed. */
export function htmlToLine(html: string | null | undefined): string {
  if (!html) return '';
  return repairText(decodeEntities(html.includes('<') ? extractText(html) : html))
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// One parser, reused: extraction is synchronous and not re-entrant, and building a parser per item
// costs more than the small fragments it parses.
let parts: string[] = [];
let dropDepth = 0;
const parser = new Parser(
  {
    onopentag(name) {
      if (DROPPED.has(name)) dropDepth++;
      else if (dropDepth === 0 && BLOCKS.has(name)) parts.push('\n');
    },
    onclosetag(name) {
      if (DROPPED.has(name)) {
        if (dropDepth > 0) dropDepth--;
      } else if (dropDepth === 0 && BLOCKS.has(name)) parts.push('\n');
    },
    ontext(text) {
      if (dropDepth === 0) parts.push(text);
    },
  },
  { decodeEntities: false },
);

function extractText(html: string): string {
  parts = [];
  dropDepth = 0;
  parser.parseComplete(html);
  const text = parts.join('');
  parts = [];
  return text;
}

/**
 * Decodes entities that end in ";" only: "?page=1&copy=2" in a URL stays as written (HTML's legacy
 * semicolon-less decoding would make it "©=2"). Double-escaped feeds ("&amp;#x0024;") leave an entity
 * after one pass, so a second pass runs; never a third.
 */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = decodeHTMLStrict(text);
  return ENTITY.test(once) ? decodeHTMLStrict(once) : once;
}

function cleanLines(raw: string): string {
  const kept: string[] = [];
  let afterReadAlso = false;
  for (const line of raw.replace(INVISIBLE, '').replace(INLINE_SPACE, ' ').split(LINE_BREAK)) {
    const text = line.trim();
    if (text.length === 0) continue;
    if (afterReadAlso) {
      afterReadAlso = false;
      if (text.length < 200 && !SENTENCE_END.test(text)) continue;
    }
    if (text === kept[kept.length - 1]) continue;
    // Boilerplate lines are short; story paragraphs are not worth the regexes.
    if (text.length < 120) {
      if (READ_ALSO.test(text)) {
        afterReadAlso = true;
        continue;
      }
      if (BOILERPLATE.test(text) || isDateline(text)) continue;
    }
    if (text.length < 700 && APPEARED_FIRST.test(text)) continue;
    kept.push(text);
  }
  return kept.join('\n');
}

function isDateline(text: string): boolean {
  if (text.length > 48) return false;
  const words = text.match(DATELINE_WORDS);
  return (words?.length ?? 0) <= 3 && parseDate(text) !== null;
}
