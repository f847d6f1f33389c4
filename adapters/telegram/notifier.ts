/** Sends alerts and replies to Telegram chats; maps Bot API refusals onto vigil's errors. */

import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Card } from '../../src/cards/card.js';
import { ConfigError, PermanentError, PlatformRateLimitError, VigilError } from '../../src/errors.js';
import {
  type DeliveryMark,
  type Logger,
  type Notifier,
  type SentMessage,
  systemClock,
} from '../../src/ports.js';
import { createSendPace, type Pace } from '../../src/time/send-pace.js';
import { telegramPlatform } from './platform.js';
import {
  isPhoto,
  MAX_MESSAGE_LENGTH,
  renderCardParts,
  type TelegramMessage,
  type TelegramPart,
  type TelegramPhoto,
} from './render.js';

/**
 * The group became a supergroup and the retry to its new id did not go through either. Carries the
 * new id; it is permanent for the old id.
 */
export class ChatMigratedError extends PermanentError {
  constructor(
    readonly chatId: string,
    readonly newChatId: string,
    options?: { cause?: unknown },
  ) {
    super(`Telegram chat ${chatId} is now supergroup ${newChatId}`, options);
  }
}

export interface TelegramSender extends Notifier {
  /** Sends rendered messages and photos in order; returns the first one's id. */
  sendMessages(
    chatId: string,
    messages: readonly TelegramPart[],
    options?: { replyTo?: number },
  ): Promise<SentMessage>;
}

export interface TelegramNotifierOptions {
  log: Logger;
  /** Turns a button's command into callback_data. */
  callbackData: (command: string) => string;
  /** Told when a chat turned out to have moved, after the message went to the new id. */
  onMigrated?: (fromChatId: string, toChatId: string) => Promise<void>;
  /** Paces every sendMessage; default 30 a second overall (protocols.md 1.3), on the system clock. */
  pace?: Pace;
}

/** Telegram's overall limit for bulk messages (protocols.md 1.3). */
export const TELEGRAM_MESSAGES_PER_SECOND = 30;
/**
 * A send is abandoned after this long (telegraf's own limit is 500 s). The outbox treats an attempt
 * older than this as ended: a bot cannot read what it sent, so an attempt in doubt is sent again,
 * marked as a possible repeat (README, Telegram).
 */
export const TELEGRAM_SEND_TIMEOUT_MS = 15_000;

/** The line that opens an alert sent again after an attempt whose outcome is unknown. */
export const POSSIBLE_REPEAT = '<i>Possible repeat: vigil was interrupted while sending this message.</i>';

type CallSignal = NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];
type ReplyParameters = NonNullable<Parameters<Telegram['sendPhoto']>[2]>['reply_parameters'];

/** Every message of a resent alert opens with the note; one too long for it gets the note on its own. */
function markRepeat(messages: readonly TelegramPart[], mark?: DeliveryMark): readonly TelegramPart[] {
  if (!mark?.possibleRepeat) return messages;
  return messages.flatMap((message): TelegramPart[] => {
    // Alerts carry no pictures; a photo's caption is left as it is.
    if (isPhoto(message)) return [message];
    const text = `${POSSIBLE_REPEAT}\n${message.text}`;
    if (text.length <= MAX_MESSAGE_LENGTH) return [{ ...message, text }];
    return [
      { text: POSSIBLE_REPEAT, parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } },
      message,
    ];
  });
}

function migrationTarget(error: unknown): number | null {
  if (!(error instanceof TelegramError) || error.code !== 400) return null;
  return error.parameters?.migrate_to_chat_id ?? null;
}

/**
 * Bot API refusals as vigil errors: 429 → PlatformRateLimitError; a chat that is gone or refuses the
 * bot → PermanentError (the dispatcher then unsubscribes it); a refused message → VigilError.
 */
export function toVigilError(error: unknown, chatId: string): unknown {
  if (!(error instanceof TelegramError)) return error;
  const { code, description } = error;
  if (code === 429)
    return new PlatformRateLimitError('telegram', (error.parameters?.retry_after ?? 5) * 1000);
  if (code === 401) {
    // Not a PermanentError: the dispatcher unsubscribes chats on those, and a bad token is no chat's fault.
    return new ConfigError('Telegram rejected TELEGRAM_BOT_TOKEN (401): check it with @BotFather', [
      'TELEGRAM_BOT_TOKEN',
    ]);
  }
  if (code === 403)
    return new PermanentError(`Telegram refused chat ${chatId}: ${description}`, { cause: error });
  if (code === 400 && /chat not found|chat_id is empty|group chat was deactivated/i.test(description)) {
    return new PermanentError(`Telegram chat ${chatId} does not exist: ${description}`, { cause: error });
  }
  if (code === 400) {
    // Any other 400 is our message being refused (entities, length): resending it cannot succeed.
    return new VigilError(
      'telegram-bad-request',
      `Telegram refused a message to chat ${chatId}: ${description}`,
      {
        cause: error,
      },
    );
  }
  return error;
}

export function createTelegramNotifier(telegram: Telegram, options: TelegramNotifierOptions): TelegramSender {
  const log = options.log;
  const pace =
    options.pace ?? createSendPace({ limit: TELEGRAM_MESSAGES_PER_SECOND, windowMs: 1000 }, systemClock);

  async function sendAll(
    chatId: string,
    messages: readonly TelegramPart[],
    replyTo?: number,
  ): Promise<SentMessage> {
    let first: string | null = null;
    for (const [index, message] of messages.entries()) {
      const reply =
        replyTo !== undefined && index === 0
          ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
          : {};
      const sent = await pace(
        (): Promise<{ message_id: number }> =>
          isPhoto(message) ? sendPhoto(chatId, message, reply) : sendText(chatId, message, reply),
      );
      first ??= String(sent.message_id);
    }
    return { messageId: first ?? '' };
  }

  // telegraf types its signal with an old shim; node-fetch takes Node's own.
  const timeout = () => ({ signal: AbortSignal.timeout(TELEGRAM_SEND_TIMEOUT_MS) as unknown as CallSignal });

  function sendText(chatId: string, message: TelegramMessage, reply: object) {
    const { text, ...extra } = message;
    return telegram.callApi('sendMessage', { chat_id: chatId, text, ...extra, ...reply }, timeout());
  }

  /**
   * The PNG goes up as a file: telegraf switches to multipart for an `{ source }` input file. In a
   * form telegraf 4.16.3 JSON-encodes only a few object fields (reply_markup among them) and takes
   * any other object for a file to attach, dropping it: reply_parameters goes as a JSON string.
   */
  function sendPhoto(chatId: string, message: TelegramPhoto, reply: { reply_parameters?: object }) {
    const { photo, ...extra } = message;
    const source = Buffer.isBuffer(photo)
      ? photo
      : Buffer.from(photo.buffer, photo.byteOffset, photo.byteLength);
    const replyParameters = reply.reply_parameters
      ? { reply_parameters: JSON.stringify(reply.reply_parameters) as unknown as ReplyParameters }
      : {};
    return telegram.callApi(
      'sendPhoto',
      { chat_id: chatId, photo: { source, filename: 'chart.png' }, ...extra, ...replyParameters },
      timeout(),
    );
  }

  /**
   * A group upgraded to a supergroup answers 400 with migrate_to_chat_id: we resend once to the new
   * id (nothing was delivered to the old one) and report the move so the channel's settings follow.
   */
  async function sendMessages(
    chatId: string,
    messages: readonly TelegramPart[],
    sendOptions: { replyTo?: number } = {},
  ): Promise<SentMessage> {
    try {
      return await sendAll(chatId, messages, sendOptions.replyTo);
    } catch (error) {
      const target = migrationTarget(error);
      if (target === null) throw toVigilError(error, chatId);
      const newChatId = String(target);
      log.warn({ chatId, newChatId }, 'telegram chat migrated to a supergroup; resending there');
      let sent: SentMessage;
      try {
        sent = await sendAll(newChatId, messages);
      } catch (retryError) {
        if (migrationTarget(retryError) !== null)
          throw new ChatMigratedError(chatId, newChatId, { cause: retryError });
        throw toVigilError(retryError, newChatId);
      }
      if (options.onMigrated) {
        await options.onMigrated(chatId, newChatId).catch((moveError: unknown) => {
          log.error(
            { err: moveError, chatId, newChatId },
            'could not move channel settings to the new chat id',
          );
        });
      }
      return sent;
    }
  }

  return {
    platform: telegramPlatform.name,
    sendMessages,
    sendTimeoutMs: TELEGRAM_SEND_TIMEOUT_MS,
    send: (chatId: string, card: Card, mark?: DeliveryMark) =>
      sendMessages(chatId, markRepeat(renderCardParts(card, { callbackData: options.callbackData }), mark)),
  };
}
