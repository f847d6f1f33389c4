/** Telegram updates → CommandRequest → handleCommand → rendered reply; button presses; chat migrations. */
import type { Context, Telegraf } from 'telegraf';
import type { Chat, Message, User } from 'telegraf/types';
import type { CardBlock } from '../../src/cards/card.js';
import type { CommandDeps, CommandRequest } from '../../src/commands/command.js';
import { handleCommand } from '../../src/commands/handle-command.js';
import { moveChannel } from '../../src/commands/move-channel.js';
import { type Reply, replyCard } from '../../src/commands/reply.js';
import { describeError, PlatformRateLimitError, VigilError } from '../../src/errors.js';
import { type Logger, systemClock, type TimerClock } from '../../src/ports.js';
import type { CallbackStore } from './callback-data.js';
import type { TelegramSender } from './notifier.js';
import { isPhoto, renderCard, renderCardParts, type TelegramPart } from './render.js';

const ADMIN_CACHE_MS = 60_000;
const ADMIN_CACHE_MAX = 5000;
/** A reply waits out a 429 this long at most (then it is dropped and logged): the asker is waiting. */
const MAX_REPLY_WAIT_MS = 10_000;
/** Said under a reply sent as text because Telegram refused its picture. */
export const PICTURE_REFUSED_NOTE = 'The chart could not be sent as a picture; here are its numbers.';

export interface InboundOptions {
  deps: CommandDeps;
  log: Logger;
  sender: TelegramSender;
  callbacks: CallbackStore;
  /** Waits out a short 429 on a reply; default the system clock. */
  clock?: TimerClock;
}

/** getChatMember answers, kept ~60 s so a burst of commands costs one API call. */
export function createAdminCache(
  check: (chatId: number, userId: number) => Promise<boolean>,
  now = () => Date.now(),
) {
  const cache = new Map<string, { admin: boolean; until: number }>();
  return async (chatId: number, userId: number): Promise<boolean> => {
    const key = `${chatId}:${userId}`;
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.admin;
    const admin = await check(chatId, userId);
    if (cache.size >= ADMIN_CACHE_MAX) cache.clear();
    cache.set(key, { admin, until: now() + ADMIN_CACHE_MS });
    return admin;
  };
}

/**
 * The command in a message, as the core wants it (`search potash`), or null when the message is
 * not for us: no leading command in a group, or `/cmd@other_bot`. In private chats plain text is a
 * command too.
 */
export function commandText(message: Message.TextMessage, botUsername: string | undefined): string | null {
  const entity = message.entities?.[0];
  if (entity?.type === 'bot_command' && entity.offset === 0) {
    const [name = '', addressee] = message.text.slice(1, entity.length).split('@');
    if (addressee !== undefined && addressee.toLowerCase() !== botUsername?.toLowerCase()) return null;
    return `${name}${message.text.slice(entity.length)}`;
  }
  return message.chat.type === 'private' ? message.text : null;
}

function displayName(user: User | undefined, chat: Chat | undefined): string | undefined {
  if (user?.username) return `@${user.username}`;
  if (user) return [user.first_name, user.last_name].filter(Boolean).join(' ');
  return chat && 'title' in chat ? chat.title : undefined;
}

export function registerInbound(bot: Telegraf, options: InboundOptions): void {
  const { deps, log, sender, callbacks } = options;
  const clock = options.clock ?? systemClock;
  const isChatAdmin = createAdminCache(async (chatId, userId) => {
    try {
      const member = await bot.telegram.getChatMember(chatId, userId);
      return member.status === 'creator' || member.status === 'administrator';
    } catch (error) {
      log.warn({ err: error, chatId }, 'telegram getChatMember failed; treating the user as not an admin');
      return false;
    }
  });

  function request(
    chat: Chat,
    from: User | undefined,
    senderChat: Chat | undefined,
    text: string,
  ): CommandRequest {
    return {
      channel: { platform: 'telegram', channelId: String(chat.id) },
      user: {
        platform: 'telegram',
        id: String(from?.id ?? senderChat?.id ?? chat.id),
        name: displayName(from, senderChat),
      },
      text,
      async isPlatformAdmin() {
        // Anonymous group admins and channel posts are sent on behalf of the chat itself.
        if (senderChat !== undefined && senderChat.id === chat.id) return true;
        // Sources are global: someone's private chat with the bot makes nobody an admin (VIGIL_ADMINS does).
        if (chat.type === 'private' || chat.type === 'channel' || from === undefined) return false;
        return isChatAdmin(chat.id, from.id);
      },
    };
  }

  /** One part; a short 429 is waited out once. */
  async function sendPart(chatId: number, part: TelegramPart, replyTo?: number): Promise<void> {
    const options = replyTo !== undefined ? { replyTo } : {};
    try {
      await sender.sendMessages(String(chatId), [part], options);
    } catch (error) {
      if (!(error instanceof PlatformRateLimitError) || error.retryAfterMs > MAX_REPLY_WAIT_MS) throw error;
      log.warn({ chatId, retryAfterMs: error.retryAfterMs }, 'telegram reply rate-limited; waiting once');
      await clock.sleep(error.retryAfterMs);
      await sender.sendMessages(String(chatId), [part], options);
    }
  }

  /** Part by part, so waiting out a 429 resends only the part that was refused. */
  async function sendParts(chatId: number, parts: readonly TelegramPart[], replyTo?: number): Promise<void> {
    for (const [index, part] of parts.entries())
      await sendPart(chatId, part, index === 0 ? replyTo : undefined);
  }

  /**
   * A reply as Telegram messages. A picture Telegram refuses (its size, format or caption) does not
   * lose the answer: the card goes again as text, the picture's description in its place.
   */
  async function reply(chatId: number, answer: Reply, replyTo?: number): Promise<void> {
    const card = replyCard(answer);
    const options = { callbackData: callbacks.encode };
    const [first, ...rest] = renderCardParts(card, options);
    if (first === undefined) return;
    if (!isPhoto(first)) return sendParts(chatId, [first, ...rest], replyTo);
    try {
      await sendPart(chatId, first, replyTo);
    } catch (error) {
      if (!(error instanceof VigilError) || error.code !== 'telegram-bad-request') throw error;
      log.warn({ chatId, err: describeError(error) }, 'telegram refused the picture; answering with text');
      const note: CardBlock = { type: 'text', text: PICTURE_REFUSED_NOTE };
      return sendParts(chatId, renderCard({ ...card, blocks: [...card.blocks, note] }, options), replyTo);
    }
    return sendParts(chatId, rest);
  }

  async function onMessage(ctx: Context, message: Message): Promise<void> {
    // Both ends of an upgrade get a service message; moving twice is harmless.
    if ('migrate_to_chat_id' in message) {
      await migrate(String(message.chat.id), String(message.migrate_to_chat_id));
      return;
    }
    if ('migrate_from_chat_id' in message) {
      await migrate(String(message.migrate_from_chat_id), String(message.chat.id));
      return;
    }
    if (!('text' in message)) return;
    const text = commandText(message, ctx.botInfo?.username);
    if (text === null) return;
    const from = 'from' in message ? message.from : undefined;
    const senderChat = 'sender_chat' in message ? message.sender_chat : undefined;
    log.debug(
      { chatId: message.chat.id, userId: from?.id, command: text.split(/\s/, 1)[0] },
      'telegram command',
    );
    const answer = await handleCommand(request(message.chat, from, senderChat, text), deps);
    await reply(message.chat.id, answer, message.message_id);
  }

  async function migrate(fromChatId: string, toChatId: string): Promise<void> {
    const result = await moveChannel(
      { platform: 'telegram', channelId: fromChatId },
      { platform: 'telegram', channelId: toChatId },
      deps,
      'telegram:migration',
    );
    log.info({ fromChatId, toChatId, moved: result.moved }, 'telegram chat migrated to a supergroup');
  }

  bot.on('message', (ctx) => onMessage(ctx, ctx.message));
  bot.on('channel_post', (ctx) => onMessage(ctx, ctx.channelPost));

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    const command = callbacks.decode('data' in query ? query.data : undefined);
    const chat = query.message?.chat;
    if (command === null || chat === undefined) {
      await ctx.answerCbQuery('This button has expired: run the command again.');
      return;
    }
    try {
      const answer = await handleCommand(request(chat, query.from, undefined, command), deps);
      await reply(chat.id, answer);
    } finally {
      // Unanswered, the client keeps a progress spinner on the button.
      await ctx
        .answerCbQuery()
        .catch((error: unknown) => log.warn({ err: error }, 'telegram answerCallbackQuery failed'));
    }
  });

  // telegraf's default handler prints, sets process.exitCode = 1 and rethrows: one update must not do that.
  bot.catch((error, ctx) => {
    log.error({ err: error, updateId: ctx.update.update_id }, 'telegram update failed');
  });
}
