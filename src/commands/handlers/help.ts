/** `help [command]`: what each command does, and for an admin of a quiet channel, how to start. */

import { ADMIN_COMMANDS, type CommandName, USAGE } from '../parse-command.js';
import { isAdmin, whoMayAdminister } from '../permissions.js';
import type { Reply } from '../reply.js';
import { type HandlerContext, withPrefix } from './context.js';
import { scheduleLine } from './digest.js';

const ABOUT: Record<CommandName, string> = {
  help: 'this list, or how one command works',
  search:
    'find items; quoted "phrases", -excluded words, filters; any script finds all (Лукашенко, Lukashenka)',
  latest: 'the newest items, optionally of one topic',
  item: 'one item in full: source, date, topics, the words that matched, link, other outlets',
  stats: 'how many items, by topic and language',
  sources: 'the sources and their health',
  subscribe: 'send this chat alerts on these topics',
  unsubscribe: 'stop alerts on these topics',
  'source-add': 'poll a new feed (a site address is enough: its feed is found)',
  'source-remove': 'stop polling a source and forget it',
  'source-pause': 'stop polling a source for now',
  'source-resume': 'poll a paused source again',
  'watch-add':
    'alert this chat on items matching an expression, whatever their topic: words, "phrases", -exclude, OR, ( ), topic:, source:',
  'watch-remove': "remove one of this chat's watches",
  'watch-list': "this chat's keyword watches",
  'watch-test': 'what an expression would have matched in the last 30 days (changes nothing)',
  audit: 'the last 20 changes made in this chat: who, when, before → after',
  figures:
    'a chart of political prisoners counted, people released and sanctions designations over time, with the latest numbers and their sources',
  digest: "the last 24 hours of this chat's topics and watches, grouped by story and topic",
  'digest-set': 'send this chat a digest every day or week at a local time (time zone default UTC)',
  'digest-off': "stop this chat's scheduled digest",
};

const ORDER: CommandName[] = ['search', 'latest', 'item', 'digest', 'stats', 'sources', 'figures', 'help'];
/** Admin commands in the order help lists them: the order ADMIN_COMMANDS defines. */
const ADMIN_ORDER: readonly CommandName[] = [...ADMIN_COMMANDS];

const ALIASES: Record<string, CommandName> = {
  source: 'source-add',
  watch: 'watch-add',
  watches: 'watch-add',
};
/** `help source`, `help watch` and `help digest` show the whole family. */
const FAMILIES = ['source-', 'watch-', 'digest'];

export async function handleHelp(context: HandlerContext, about: string | null): Promise<Reply> {
  const platform = context.request.channel.platform;
  const line = (name: CommandName) => `${withPrefix(USAGE[name], platform).join(' | ')}: ${ABOUT[name]}`;

  if (about !== null) {
    const name = (about in USAGE ? about : ALIASES[about]) as CommandName | undefined;
    if (name === undefined) {
      return { lines: [`There is no command \`${about.slice(0, 40)}\`.`, ...ORDER.map(line)], isError: true };
    }
    const family = FAMILIES.find((prefix) => name.startsWith(prefix));
    const names = family ? (Object.keys(USAGE) as CommandName[]).filter((n) => n.startsWith(family)) : [name];
    const admin = names.some((n) => ADMIN_COMMANDS.has(n))
      ? [`Admins only: ${whoMayAdminister(platform)}.`]
      : [];
    return { lines: [...names.map(line), ...admin] };
  }

  const channel = await context.deps.store.getChannel(context.request.channel);
  const topics = channel?.topics ?? [];
  const lines = [
    ...ORDER.map(line),
    '',
    `Admins only (${whoMayAdminister(platform)}):`,
    ...ADMIN_ORDER.map(line),
  ];
  lines.push(`Topics: ${context.deps.topics.join(', ')}.`);
  const digest = await scheduleLine(context);
  if (digest) lines.push(`This chat's digest: ${digest}.`);
  if (topics.length > 0) {
    lines.push('', `This chat gets alerts on: ${topics.join(', ')}.`);
  } else {
    const start = `${withPrefix(`subscribe ${context.deps.topics.join(' ')}`, platform)[0]}`;
    const admin = await isAdmin(context.request, context.deps);
    lines.push(
      '',
      admin
        ? `This chat gets no alerts yet. To start, subscribe it to the topics you want, e.g. ${start}`
        : `This chat gets no alerts yet; an admin can start them with ${start}`,
    );
  }
  return { title: 'vigil: Belarus news on sanctions, political prisoners and diplomacy', lines };
}
