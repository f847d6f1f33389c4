/** Telegram updates as the fake platform would deliver them, for `bot.handleUpdate` in tests. */
import type { Update } from 'telegraf/types';

let lastUpdateId = 10_000;

/** A `/command …` message from user `from` in supergroup `chat`, its command entity set. */
export function groupCommandUpdate(text: string, chat: number, from: number): Update {
  const updateId = ++lastUpdateId;
  const command = text.split(/\s/)[0] ?? '';
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_750_000_000,
      chat: { id: chat, type: 'supergroup', title: 'Advocacy' },
      from: { id: from, is_bot: false, first_name: 'Ann' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  } as Update;
}
