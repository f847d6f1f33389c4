/** Slack slash commands and button presses → CommandRequest → handleCommand → a response_url reply. */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { CommandDeps, CommandRequest } from '../../src/commands/command.js';
import { handleCommand } from '../../src/commands/handle-command.js';
import { type Reply, replyCard } from '../../src/commands/reply.js';
import { describeError, PlatformRateLimitError } from '../../src/errors.js';
import { type Clock, type Logger, type Notifier, systemClock, type TimerClock } from '../../src/ports.js';
import type { SlackWebClient } from './client.js';
import { createSlackNotifier } from './notifier.js';
import { BUTTON_ACTION_PREFIX, renderCard, SLACK_LIMITS, type SlackResponse } from './render.js';

/** The flag that makes a lookup visible to the whole channel instead of only to the asker. */
export const SHARE_FLAG = '--share';

const ADMIN_CACHE_MS = 60_000;
const ADMIN_CACHE_MAX = 1000;

/**
 * Slash-command text arrives with `&`, `<`, `>` entity-encoded, and Slack may wrap what it recognises:
 * `<https://x.org|x.org>`, `<@U123|name>`, `<#C123|general>` (docs.slack.dev/interactivity/implementing-slash-commands).
 * Undo both so the core sees what the user typed.
 */
export function decodeCommandText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/<([@#!][^|>]+)\|([^>]*)>/g, (_match, id: string, label: string) =>
      label ? `${id[0]}${label}` : id,
    )
    .replace(/<([@#!][^>]*)>/g, '$1')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Removes `--share` wherever it stands; the rest is the command for the core. */
export function splitShare(text: string): { text: string; share: boolean } {
  let share = false;
  const rest = text.replace(/(^|\s)--share(?=\s|$)/g, () => {
    share = true;
    return ' ';
  });
  return { text: rest.trim(), share };
}

/**
 * The response_url body for a reply. Errors stay private even with --share; a shared reply's buttons
 * carry the flag so the next page is shared too.
 */
export function toSlackResponse(reply: Reply, share: boolean): SlackResponse {
  const message = renderCard(replyCard(reply));
  const inChannel = (share || reply.public === true) && !reply.isError;
  const blocks = message.blocks.map((block) => {
    if (!share || !inChannel || block.type !== 'actions') return block;
    return {
      ...block,
      elements: block.elements.map((button) => {
        const value = `${button.value} ${SHARE_FLAG}`;
        return value.length <= SLACK_LIMITS.buttonValue ? { ...button, value } : button;
      }),
    };
  });
  return { response_type: inChannel ? 'in_channel' : 'ephemeral', text: message.text, blocks };
}

/** Slack workspace admins and owners count as platform admins (users.info), remembered for a minute. */
export function createAdminCheck(
  client: SlackWebClient,
  clock: Clock,
  log: Logger,
  ttlMs: number = ADMIN_CACHE_MS,
): (userId: string) => Promise<boolean> {
  const cache = new Map<string, { value: Promise<boolean>; expiresAt: number }>();
  return async (userId) => {
    const now = clock.now().getTime();
    const hit = cache.get(userId);
    if (hit && hit.expiresAt > now) return hit.value;
    if (cache.size >= ADMIN_CACHE_MAX) {
      for (const [key, entry] of cache) if (entry.expiresAt <= now) cache.delete(key);
      if (cache.size >= ADMIN_CACHE_MAX) cache.clear();
    }
    const value = client.users
      .info({ user: userId })
      .then((result) => result.user?.is_admin === true || result.user?.is_owner === true);
    cache.set(userId, { value, expiresAt: now + ttlMs });
    try {
      return await value;
    } catch (error) {
      cache.delete(userId);
      log.warn(
        { userId, err: describeError(error) },
        'slack users.info failed: treating user as not an admin',
      );
      return false;
    }
  };
}

interface Invocation {
  text: string;
  channelId: string;
  userId: string;
  userName: string | undefined;
  via: 'command' | 'button';
}

/** An upload waits out a 429 this long at most, once (then the reply goes as text): the asker is waiting. */
const MAX_UPLOAD_WAIT_MS = 10_000;

/** Said under the text of a reply whose picture could not be posted in the channel. */
export const NO_PICTURE_NOTE =
  'The chart could not be posted in this channel (for a private channel or a direct message, invite the bot first); here are its numbers.';

export interface InboundOptions {
  /** Waits out a short 429 on a picture's upload; default the system clock. */
  clock?: TimerClock;
  /** Posts a reply with a picture to the channel (response_url takes no files); default one on app.client. */
  notifier?: Notifier;
}

/** Registers the `/vigil` command and the reply buttons on the bolt app. */
export function registerInbound(
  app: App,
  deps: CommandDeps,
  log: Logger,
  options: InboundOptions = {},
): void {
  const isAdmin = createAdminCheck(app.client, deps.clock, log);
  const clock = options.clock ?? systemClock;
  const notifier = options.notifier ?? createSlackNotifier(app.client, log);

  /**
   * A reply with a picture is uploaded to the channel, with the card as the file's message; true
   * when it was. A short 429 is waited out once; any other failure is logged and the caller answers
   * with the text instead.
   */
  async function postPicture(channelId: string, reply: Reply): Promise<boolean> {
    const card = replyCard(reply);
    if (reply.isError || !card.blocks.some((block) => block.type === 'image')) return false;
    try {
      try {
        await notifier.send(channelId, card);
      } catch (error) {
        if (!(error instanceof PlatformRateLimitError) || error.retryAfterMs > MAX_UPLOAD_WAIT_MS)
          throw error;
        log.warn({ channelId, retryAfterMs: error.retryAfterMs }, 'slack upload rate-limited; waiting once');
        await clock.sleep(error.retryAfterMs);
        await notifier.send(channelId, card);
      }
      return true;
    } catch (error) {
      log.warn({ channelId, err: describeError(error) }, 'slack picture upload failed; answering with text');
      return false;
    }
  }

  async function answer(invocation: Invocation, respond: RespondFn): Promise<void> {
    const { text, share } = splitShare(invocation.text);
    const { channelId, userId, via } = invocation;
    const request: CommandRequest = {
      channel: { platform: 'slack', channelId },
      user: { platform: 'slack', id: userId, ...(invocation.userName ? { name: invocation.userName } : {}) },
      text,
      isPlatformAdmin: () => isAdmin(userId),
    };
    log.debug({ channelId, userId, via, share }, 'slack command received');
    let reply: Reply;
    try {
      reply = await handleCommand(request, deps);
    } catch (error) {
      log.error({ channelId, userId, via, err: error }, 'slack command failed');
      reply = {
        lines: ['That command failed on our side; it has been logged. Please try again later.'],
        isError: true,
      };
    }
    if (await postPicture(channelId, reply)) return;
    if (replyCard(reply).blocks.some((block) => block.type === 'image'))
      reply = { ...reply, lines: [...reply.lines, NO_PICTURE_NOTE] };
    const response =
      via === 'button'
        ? { ...toSlackResponse(reply, share), replace_original: false }
        : toSlackResponse(reply, share);
    try {
      await respond(response);
    } catch (error) {
      // response_url takes 5 posts within 30 minutes; an expired one cannot be retried.
      log.warn({ channelId, userId, via, err: describeError(error) }, 'slack response_url post failed');
    }
  }

  // Any slash command: the manifest registers only /vigil, and an operator may rename it.
  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    await ack();
    // Socket Mode payloads do not pass the HTTP route's field check: a malformed one is dropped here.
    const fields = command as Partial<Record<'text' | 'channel_id' | 'user_id', unknown>>;
    if (typeof fields.channel_id !== 'string' || typeof fields.user_id !== 'string') {
      log.warn({}, 'slack command without channel or user ignored');
      return;
    }
    await answer(
      {
        text: decodeCommandText(typeof fields.text === 'string' ? fields.text : ''),
        channelId: command.channel_id,
        userId: command.user_id,
        userName: command.user_name,
        via: 'command',
      },
      respond,
    );
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${BUTTON_ACTION_PREFIX}\\d+$`),
    async ({ ack, body, action, respond }) => {
      await ack();
      const channelId = body.channel?.id;
      if (!channelId || !action.value) {
        log.warn({ userId: body.user.id }, 'slack button press without channel or value ignored');
        return;
      }
      await answer(
        { text: action.value, channelId, userId: body.user.id, userName: body.user.username, via: 'button' },
        respond,
      );
    },
  );
}
