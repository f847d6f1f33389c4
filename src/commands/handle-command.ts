/** Dispatches one chat command: parse, check permission, run the handler, never throw at the user. */
import type { CommandDeps, CommandRequest } from './command.js';
import { handleAudit } from './handlers/audit.js';
import { type HandlerContext, usageReply } from './handlers/context.js';
import { handleDigest, handleDigestOff, handleDigestSet } from './handlers/digest.js';
import { handleFigures } from './handlers/figures.js';
import { handleHelp } from './handlers/help.js';
import { handleItem } from './handlers/item.js';
import { handleLatest } from './handlers/latest.js';
import { handleSearch } from './handlers/search.js';
import { handleSourceAdd, handleSourcePause, handleSourceRemove } from './handlers/source-admin.js';
import { handleSources } from './handlers/sources.js';
import { handleStats } from './handlers/stats.js';
import { handleSubscribe, handleUnsubscribe } from './handlers/subscriptions.js';
import { handleWatchAdd, handleWatchList, handleWatchRemove, handleWatchTest } from './handlers/watch.js';
import { ADMIN_COMMANDS, type Command, parseCommand } from './parse-command.js';
import { actorOf, isAdmin, whoMayAdminister } from './permissions.js';
import type { Reply } from './reply.js';

export async function handleCommand(request: CommandRequest, deps: CommandDeps): Promise<Reply> {
  const platform = request.channel.platform;
  const parsed = parseCommand(request.text, { topics: deps.topics });
  if (!parsed.ok) return usageReply(parsed.error, parsed.usage, platform);
  const { command } = parsed;

  const context: HandlerContext = {
    request,
    deps,
    actor: actorOf(request),
    channel: `${request.channel.platform}:${request.channel.channelId}`,
    now: deps.clock.now(),
  };
  try {
    if (ADMIN_COMMANDS.has(command.name) && !(await isAdmin(request, deps))) {
      deps.log?.info(
        { actor: context.actor, channel: context.channel, command: command.name },
        'admin command refused',
      );
      return {
        lines: [
          `Sorry, only ${whoMayAdminister(platform)} can ${WHAT[command.name] ?? 'do that'}; nothing was changed.`,
        ],
        isError: true,
      };
    }
    return await dispatch(context, command);
  } catch (error) {
    deps.log?.error(
      { err: error, actor: context.actor, channel: context.channel, command: command.name },
      'command failed',
    );
    return {
      lines: [
        // The error itself goes to the log only: it may name hosts, paths or database details.
        `Sorry, \`${command.name.replace('-', ' ')}\` failed inside vigil.`,
        'Try again in a minute; if it keeps failing, tell the operator (the error is in the log).',
      ],
      isError: true,
    };
  }
}

const WHAT: Partial<Record<Command['name'], string>> = {
  subscribe: "change this chat's subscriptions",
  unsubscribe: "change this chat's subscriptions",
  'source-add': 'add sources',
  'source-remove': 'remove sources',
  'source-pause': 'pause sources',
  'source-resume': 'resume sources',
  'watch-add': "change this chat's keyword watches",
  'watch-remove': "change this chat's keyword watches",
  'watch-list': "see this chat's keyword watches",
  'watch-test': 'try out keyword watches',
  audit: "read this chat's audit log",
  'digest-set': "schedule this chat's digests",
  'digest-off': "stop this chat's digests",
};

async function dispatch(context: HandlerContext, command: Command): Promise<Reply> {
  switch (command.name) {
    case 'help':
      return handleHelp(context, command.about);
    case 'search':
      return handleSearch(context, command.query, command.page);
    case 'latest':
      return handleLatest(context, command.topic);
    case 'item':
      return handleItem(context, command.id);
    case 'stats':
      return handleStats(context);
    case 'sources':
      return handleSources(context);
    case 'subscribe':
      return handleSubscribe(context, command);
    case 'unsubscribe':
      return handleUnsubscribe(context, command);
    case 'source-add':
      return handleSourceAdd(context, command);
    case 'source-remove':
      return handleSourceRemove(context, command.id);
    case 'source-pause':
      return handleSourcePause(context, command.id, true);
    case 'source-resume':
      return handleSourcePause(context, command.id, false);
    case 'watch-add':
      return handleWatchAdd(context, command.expression);
    case 'watch-remove':
      return handleWatchRemove(context, command.id);
    case 'watch-list':
      return handleWatchList(context);
    case 'watch-test':
      return handleWatchTest(context, command.expression);
    case 'audit':
      return handleAudit(context);
    case 'figures':
      return handleFigures(context, command);
    case 'digest':
      return handleDigest(context);
    case 'digest-set':
      return handleDigestSet(context, command.schedule);
    case 'digest-off':
      return handleDigestOff(context);
  }
}
