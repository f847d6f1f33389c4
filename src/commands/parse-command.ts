/** Chat command text → a typed command, or what was wrong and the right form. Pure. */

import { type DigestSchedule, parseDigestSchedule } from '../digests/digest-schedule.js';
import { FIGURE_WORDS, type FigureKind } from '../figures/figure.js';
import { MAX_INTERVAL_SECONDS } from '../sources/poll-interval.js';
import { checkSourceAddress } from '../sources/source-address.js';
import { windowStart } from '../time/time-window.js';

export type Command =
  | { name: 'help'; about: string | null }
  | { name: 'search'; query: string; page: number }
  | { name: 'latest'; topic: string | null }
  | { name: 'item'; id: number }
  | { name: 'stats' }
  | { name: 'sources' }
  /** `sources` / `languages`: limits added (subscribe) or lifted (unsubscribe) with source:ID lang:xx. */
  | { name: 'subscribe'; topics: string[]; sources: string[]; languages: string[] }
  | { name: 'unsubscribe'; topics: string[]; sources: string[]; languages: string[] }
  /** `intervalSeconds`: from `--interval`, when given. */
  | { name: 'source-add'; url: string; intervalSeconds?: number; articlePattern?: string }
  | { name: 'source-remove'; id: string }
  | { name: 'source-pause'; id: string }
  | { name: 'source-resume'; id: string }
  /** The expression as typed; the handler parses it (it needs the source list). */
  | { name: 'watch-add'; expression: string }
  | { name: 'watch-remove'; id: number }
  | { name: 'watch-list' }
  | { name: 'watch-test'; expression: string }
  | { name: 'audit' }
  /** `kind` null: every kind. `window`: how far back, as typed (`90d`); the handler reads it against the clock. */
  | { name: 'figures'; kind: FigureKind | null; window: string }
  /** The last day's digest for this channel, now. */
  | { name: 'digest' }
  | { name: 'digest-set'; schedule: DigestSchedule }
  | { name: 'digest-off' };

export type CommandName = Command['name'];

export type ParseCommandResult =
  | { ok: true; command: Command }
  /** `usage`: the right form(s), one per line, without the platform's prefix (`/` or `/vigil `). */
  | { ok: false; error: string; usage: string };

export interface ParseCommandOptions {
  /** The topics `subscribe`, `unsubscribe` and `latest` accept. */
  topics?: readonly string[];
}

/** The right form of every command, as help and error replies show it (prefix added by the caller). */
export const USAGE = {
  help: 'help [command]',
  search: 'search <words> [topic:… source:… since:YYYY-MM-DD until:YYYY-MM-DD lang:…]',
  latest: 'latest [topic]',
  item: 'item <id>',
  stats: 'stats',
  sources: 'sources',
  subscribe: 'subscribe <topic…> [source:<id>…] [lang:<code>…]',
  unsubscribe: 'unsubscribe <topic…> [source:<id>…] [lang:<code>…]',
  'source-add': 'source add <feed or site address> [--interval SECONDS] [--articles REGEX]',
  'source-remove': 'source remove <source id>',
  'source-pause': 'source pause <source id>',
  'source-resume': 'source resume <source id>',
  'watch-add': 'watch add <expression>',
  'watch-remove': 'watch remove <watch id>',
  'watch-list': 'watch list',
  'watch-test': 'watch test <expression>',
  audit: 'audit',
  figures: 'figures [prisoners|releases|designations] [since:90d]',
  digest: 'digest',
  'digest-set': 'digest daily HH:MM [time zone] | digest weekly DAY HH:MM [time zone]',
  'digest-off': 'digest off',
} as const satisfies Record<CommandName, string>;

/** Commands that change what vigil does: only admins may run them. */
export const ADMIN_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'subscribe',
  'unsubscribe',
  'source-add',
  'source-remove',
  'source-pause',
  'source-resume',
  'watch-add',
  'watch-remove',
  'watch-list',
  'watch-test',
  'audit',
  'digest-set',
  'digest-off',
]);

export const MAX_PAGE = 200;

const SOURCE_USAGE = [
  USAGE['source-add'],
  USAGE['source-remove'],
  USAGE['source-pause'],
  USAGE['source-resume'],
].join('\n');
const WATCH_USAGE = [
  USAGE['watch-add'],
  USAGE['watch-remove'],
  USAGE['watch-list'],
  USAGE['watch-test'],
].join('\n');
const DIGEST_USAGE = [
  USAGE.digest,
  'digest daily HH:MM [time zone], e.g. digest daily 09:00 Europe/Minsk',
  'digest weekly DAY HH:MM [time zone], e.g. digest weekly monday 09:00',
  USAGE['digest-off'],
].join('\n');
const TOP_LEVEL = [
  'help',
  'search',
  'latest',
  'item',
  'stats',
  'sources',
  'subscribe',
  'unsubscribe',
  'source',
  'watch',
  'audit',
  'figures',
  'digest',
];

const fail = (error: string, usage: string): ParseCommandResult => ({ ok: false, error, usage });
const ok = (command: Command): ParseCommandResult => ({ ok: true, command });

export function parseCommand(text: string, options: ParseCommandOptions = {}): ParseCommandResult {
  const trimmed = text.trim();
  const match = /^\/?([^\s@]*)(?:@\S*)?\s*([\s\S]*)$/u.exec(trimmed);
  const word = (match?.[1] ?? '').toLowerCase();
  const rest = (match?.[2] ?? '').trim();
  const args = rest === '' ? [] : rest.split(/\s+/u);

  switch (word) {
    case '':
    case 'help':
    case 'start':
    case '?':
      return ok({ name: 'help', about: args[0]?.toLowerCase().replace(/^\//, '') ?? null });
    case 'search':
      return parseSearch(rest);
    case 'latest':
      return parseLatest(args, options);
    case 'item':
      return parseItem(args);
    case 'stats':
      return args.length === 0 ? ok({ name: 'stats' }) : fail('`stats` takes no arguments.', USAGE.stats);
    case 'sources':
      if (args.length === 0) return ok({ name: 'sources' });
      // `sources add URL` is a natural slip for `source add URL`.
      if (['add', 'remove', 'pause', 'resume'].includes(args[0]?.toLowerCase() ?? ''))
        return parseSource(args);
      return fail('`sources` takes no arguments.', `${USAGE.sources}\n${SOURCE_USAGE}`);
    case 'subscribe':
    case 'unsubscribe':
      return parseTopics(word, args, options);
    case 'source':
      return parseSource(args);
    case 'watch':
    case 'watches':
      return parseWatchCommand(rest);
    case 'audit':
      return args.length === 0 ? ok({ name: 'audit' }) : fail('`audit` takes no arguments.', USAGE.audit);
    case 'figures':
      return parseFigures(args);
    case 'digest':
      return parseDigest(args);
    default:
      return fail(
        `There is no command \`${truncate(word, 40)}\`. Commands: ${TOP_LEVEL.join(', ')}.`,
        `${USAGE.help}\n${USAGE.search}`,
      );
  }
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

function parseSearch(rest: string): ParseCommandResult {
  let query = rest;
  let page = 1;
  const pageFlag = /(?:^|\s)--page(?:\s+|=)(\S*)\s*$/u.exec(query);
  if (pageFlag) {
    const value = pageFlag[1] ?? '';
    if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGE) {
      return fail(`\`--page\` needs a page number from 1 to ${MAX_PAGE}.`, `${USAGE.search} [--page N]`);
    }
    page = Number(value);
    query = query.slice(0, pageFlag.index).trim();
  }
  if (query === '') return fail('`search` needs something to look for.', USAGE.search);
  return ok({ name: 'search', query, page });
}

function resolveTopic(word: string, options: ParseCommandOptions): string | null {
  const lower = word.toLowerCase();
  if (!options.topics) return lower;
  return options.topics.find((topic) => topic.toLowerCase() === lower) ?? null;
}

function knownTopics(options: ParseCommandOptions): string {
  return options.topics && options.topics.length > 0 ? ` Topics: ${options.topics.join(', ')}.` : '';
}

function parseLatest(args: string[], options: ParseCommandOptions): ParseCommandResult {
  if (args.length > 1)
    return fail('`latest` takes at most one topic.', `${USAGE.latest}${knownTopics(options)}`);
  const word = args[0];
  if (word === undefined || word.toLowerCase() === 'all') return ok({ name: 'latest', topic: null });
  const topic = resolveTopic(word, options);
  if (topic === null) {
    return fail(`There is no topic \`${truncate(word, 40)}\`.`, `${USAGE.latest}${knownTopics(options)}`);
  }
  return ok({ name: 'latest', topic });
}

function parseItem(args: string[]): ParseCommandResult {
  const word = args[0];
  if (word === undefined)
    return fail('`item` needs the id of an item (search results show it as #123).', USAGE.item);
  if (args.length > 1 || !/^#?\d{1,15}$/.test(word) || Number(word.replace('#', '')) < 1) {
    return fail(
      `\`${truncate(args.join(' '), 40)}\` is not an item id: ids are numbers, like 123.`,
      USAGE.item,
    );
  }
  return ok({ name: 'item', id: Number(word.replace('#', '')) });
}

function parseTopics(
  name: 'subscribe' | 'unsubscribe',
  args: string[],
  options: ParseCommandOptions,
): ParseCommandResult {
  const all = args.flatMap((arg) => arg.split(',')).filter((word) => word !== '');
  // source:ID and lang:xx limit which items of the topics reach this channel.
  const sources: string[] = [];
  const languages: string[] = [];
  const words: string[] = [];
  for (const word of all) {
    const limit = /^(source|lang):(.*)$/i.exec(word);
    if (!limit) {
      words.push(word);
      continue;
    }
    const value = (limit[2] ?? '').toLowerCase();
    const isSource = limit[1]?.toLowerCase() === 'source';
    if (isSource ? !/^[a-z0-9][a-z0-9-]{0,62}$/.test(value) : !/^[a-z]{2,3}$/.test(value)) {
      return fail(
        `\`${truncate(word, 40)}\` is not a ${isSource ? 'source id (see sources)' : 'language code like en, ru, be'}.`,
        USAGE[name],
      );
    }
    (isSource ? sources : languages).push(value);
  }
  if (words.length === 0 && sources.length === 0 && languages.length === 0)
    return fail(`\`${name}\` needs at least one topic.`, `${USAGE[name]}${knownTopics(options)}`);
  const topics: string[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    if (word.toLowerCase() === 'all' && options.topics) {
      topics.push(...options.topics);
      continue;
    }
    const topic = resolveTopic(word, options);
    if (topic === null) unknown.push(truncate(word, 40));
    else topics.push(topic);
  }
  if (unknown.length > 0) {
    const list = unknown.map((word) => `\`${word}\``).join(', ');
    return fail(
      `${unknown.length === 1 ? 'There is no topic' : 'There are no topics'} ${list}; nothing was changed.`,
      `${USAGE[name]}${knownTopics(options)}`,
    );
  }
  return ok({
    name,
    topics: [...new Set(topics)],
    sources: [...new Set(sources)],
    languages: [...new Set(languages)],
  });
}

function parseDigest(args: string[]): ParseCommandResult {
  const sub = args[0]?.toLowerCase();
  if (sub === undefined) return ok({ name: 'digest' });
  if (sub === 'off') {
    return args.length === 1
      ? ok({ name: 'digest-off' })
      : fail('`digest off` takes no arguments.', DIGEST_USAGE);
  }
  if (sub !== 'daily' && sub !== 'weekly') {
    return fail(`\`digest ${truncate(sub, 40)}\` is not a command: say daily, weekly or off.`, DIGEST_USAGE);
  }
  const parsed = parseDigestSchedule(args);
  return parsed.ok ? ok({ name: 'digest-set', schedule: parsed.schedule }) : fail(parsed.error, DIGEST_USAGE);
}

function parseWatchCommand(rest: string): ParseCommandResult {
  const match = /^(\S*)\s*([\s\S]*)$/u.exec(rest);
  const sub = (match?.[1] ?? '').toLowerCase();
  const value = (match?.[2] ?? '').trim();
  switch (sub) {
    case '':
    case 'list':
      return value === ''
        ? ok({ name: 'watch-list' })
        : fail('`watch list` takes no arguments.', WATCH_USAGE);
    case 'add':
    case 'test': {
      const name = sub === 'add' ? 'watch-add' : 'watch-test';
      if (value === '') {
        return fail(
          `\`watch ${sub}\` needs an expression, e.g. \`Belaruskali -football\` or \`Ryanair OR Belavia\`.`,
          USAGE[name],
        );
      }
      return ok({ name, expression: value });
    }
    case 'remove':
    case 'delete': {
      if (!/^#?\d{1,9}$/.test(value) || Number(value.replace('#', '')) < 1) {
        const what = value === '' ? 'needs' : `needs one watch id, not \`${truncate(value, 40)}\`;`;
        return fail(`\`watch remove\` ${what} the id \`watch list\` shows, e.g. 3.`, USAGE['watch-remove']);
      }
      return ok({ name: 'watch-remove', id: Number(value.replace('#', '')) });
    }
    default:
      return fail(`\`watch ${truncate(sub, 40)}\` is not a command.`, WATCH_USAGE);
  }
}

/** The window `figures` reads when none is given. */
const DEFAULT_FIGURES_WINDOW = '90d';

/** The kind a word names (`releases` and `released` both name the released kind), if any. */
function figureKindOf(word: string): FigureKind | undefined {
  if (word === 'released') return 'released';
  return Object.hasOwn(FIGURE_WORDS, word) ? FIGURE_WORDS[word] : undefined;
}

/** `figures [kind] [since:90d | --since 90d]`: the kind and the window in any order. */
function parseFigures(input: string[]): ParseCommandResult {
  const option = takeOption(input, 'since');
  if (option.present && option.value === undefined)
    return fail('`--since` needs a window such as 30d, 12w or 24h.', USAGE.figures);
  let window = option.value;
  let kind: FigureKind | null | undefined;
  for (const arg of option.args) {
    const since = /^since:(.*)$/i.exec(arg);
    const word = arg.toLowerCase();
    const named = word === 'all' ? null : figureKindOf(word);
    if (since) {
      if (window !== undefined) return fail('`figures` takes one window.', USAGE.figures);
      window = since[1] ?? '';
    } else if (named !== undefined) {
      if (kind !== undefined) return fail('`figures` takes one kind of figure.', USAGE.figures);
      kind = named;
    } else {
      return fail(
        `\`${truncate(arg, 40)}\` is not a kind of figure: prisoners, releases or designations.`,
        USAGE.figures,
      );
    }
  }
  window ??= DEFAULT_FIGURES_WINDOW;
  // Only the form here: the handler reads the window against the clock.
  const checked = windowStart(window, new Date(0));
  if (!checked.ok) return fail(`\`since:${truncate(window, 40)}\`: ${checked.error}.`, USAGE.figures);
  return ok({ name: 'figures', kind: kind ?? null, window: window.trim() });
}

/** Takes `--NAME VALUE` / `--NAME=VALUE` out of the arguments; `value` is undefined when absent or bare. */
function takeOption(args: string[], name: string): { args: string[]; present: boolean; value?: string } {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index < 0) return { args, present: false };
  const arg = args[index] as string;
  const inline = arg.includes('=');
  const value = inline ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const remaining = args.filter((_, i) => i !== index && (inline || i !== index + 1));
  return value === undefined ? { args: remaining, present: true } : { args: remaining, present: true, value };
}

/** Takes `--interval N` / `--interval=N` out of the arguments. */
function takeInterval(args: string[]): { args: string[]; interval?: number; error?: string } {
  const { args: remaining, present, value } = takeOption(args, 'interval');
  if (!present) return { args };
  if (
    value === undefined ||
    !/^\d{1,6}$/.test(value) ||
    Number(value) < 1 ||
    Number(value) > MAX_INTERVAL_SECONDS
  ) {
    return {
      args: remaining,
      error: `\`--interval\` needs a number of seconds from 1 to ${MAX_INTERVAL_SECONDS}.`,
    };
  }
  return { args: remaining, interval: Number(value) };
}

/** Takes `--articles REGEX` / `--articles=REGEX` out of the arguments (checked by the use case). */
function takeArticles(args: string[]): { args: string[]; pattern?: string; error?: string } {
  const { args: remaining, present, value } = takeOption(args, 'articles');
  if (!present) return { args };
  if (!value) return { args: remaining, error: '`--articles` needs a regular expression.' };
  return { args: remaining, pattern: value };
}

function parseSource(input: string[]): ParseCommandResult {
  const sub = input[0]?.toLowerCase();
  const interval = sub === 'add' ? takeInterval(input) : { args: input };
  if (interval.error !== undefined) return fail(interval.error, USAGE['source-add']);
  const articles = sub === 'add' ? takeArticles(interval.args) : { args: interval.args };
  if (articles.error !== undefined) return fail(articles.error, USAGE['source-add']);
  const args = articles.args;
  const value = args[1];
  if (sub === undefined) return fail('`source` needs one of add, remove, pause, resume.', SOURCE_USAGE);
  if (!['add', 'remove', 'pause', 'resume'].includes(sub)) {
    return fail(`\`source ${truncate(sub, 40)}\` is not a command.`, SOURCE_USAGE);
  }
  const name = `source-${sub}` as 'source-add' | 'source-remove' | 'source-pause' | 'source-resume';
  if (value === undefined || args.length > 2) {
    const what = sub === 'add' ? 'one feed or site address' : 'one source id (see `sources`)';
    return fail(`\`source ${sub}\` needs ${what}.`, USAGE[name]);
  }
  if (name === 'source-add') {
    // Only the form here; the source use case applies the rest of the address rules.
    const address = checkSourceAddress(value, { allowPrivate: true });
    if (!address.ok) return fail(`\`${truncate(value, 80)}\` is not a web address.`, USAGE[name]);
    const url = address.url;
    return ok({
      name,
      url,
      ...(interval.interval === undefined ? {} : { intervalSeconds: interval.interval }),
      ...(articles.pattern === undefined ? {} : { articlePattern: articles.pattern }),
    });
  }
  return ok({ name, id: value.toLowerCase() });
}
