// Issue 13: a chat platform is one registration. A fake platform declared here, in test/ only, gets
// alerts, a digest and command replies through the same pipeline as Slack and Telegram: ingest →
// burst folding (its own budget) → the outbox → a checked deliver payload → drainChannel → its Notifier, which
// renders cards with the shared cleaning and its own escaping. No file in src/ knows of it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../../adapters/db/create-corpus-store.js';
import { drainChannel } from '../../../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../../jobs/handlers/lease-holder.js';
import { JOB_SCHEMAS } from '../../../jobs/job-types.js';
import type { Card, CardBlock, CardField } from '../../../src/cards/card.js';
import { httpUrl } from '../../../src/cards/card-url.js';
import { markedRuns, shortLine } from '../../../src/cards/clean-text.js';
import { classify } from '../../../src/classify/classify.js';
import type { CommandRequest } from '../../../src/commands/command.js';
import { handleCommand } from '../../../src/commands/handle-command.js';
import { replyCard } from '../../../src/commands/reply.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { ingestFeed } from '../../../src/ingest/ingest-feed.js';
import type { ChatPlatform } from '../../../src/platforms/chat-platform.js';
import { registerPlatform, unregisterPlatform } from '../../../src/platforms/registry.js';
import { type ChannelRef, type Notifier, systemClock } from '../../../src/ports.js';
import { makeSource } from '../../helpers/make-source.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { wireFeed } from '../../helpers/wire-feed.js';
import { fixedClock, makeDeps } from '../commands/fixtures.js';

const NOW = '2026-05-01T12:00:00.000Z';

/** "Pigeon": a made-up chat with Markdown-like text, small messages and a tight rate limit. */
const pigeon: ChatPlatform = {
  name: 'pigeon',
  limits: { messageChars: 1000, burstMessages: 3, format: 'markdown' },
  commandPrefix: '!',
  chatAdmins: 'the loft keepers',
};

/** Pigeon's one escape: a backslash before each of its formatting characters. */
const escapePigeon = (text: string) => text.replace(/[\\*_[\]()<>@!#&`]/g, (ch) => `\\${ch}`);
const line = (text: string) => escapePigeon(shortLine(text, 200));

function field(value: CardField): string {
  if (value.kind === 'date') return value.iso.slice(0, value.withTime ? 16 : 10);
  if (value.kind === 'ref') return line(value.text);
  const text =
    value.kind === 'list' ? value.values.slice(0, value.max).map(line).join(', ') : line(value.text);
  return value.label ? `${line(value.label)}: ${text}` : text;
}

function blocks(list: readonly CardBlock[]): string[] {
  return list.flatMap((block): string[] => {
    if (block.type === 'title') {
      const href = httpUrl(block.url);
      const title = `*${line(block.text)}*`;
      return [`${block.ref ? `${line(block.ref)} ` : ''}${href ? `[${title}](${href})` : title}`];
    }
    if (block.type === 'fields') return [block.fields.map(field).join(' | ')];
    if (block.type === 'text')
      return [
        markedRuns(block.text)
          .map((run) => (run.marked ? `_${escapePigeon(run.text)}_` : escapePigeon(run.text)))
          .join(''),
      ];
    if (block.type === 'entry') return ['', ...blocks(block.blocks)];
    if (block.type === 'buttons') return block.buttons.map((button) => `(${line(button.label)})`);
    return [];
  });
}

/** Pure, like the real adapters' render.ts: a card as one message within Pigeon's size. */
function renderPigeon(card: Card): string {
  return blocks(card.blocks).join('\n').slice(0, pigeon.limits.messageChars);
}

function pigeonNotifier(sent: { channelId: string; kind: string; text: string }[]): Notifier {
  return {
    platform: pigeon.name,
    send: async (channelId, card) => {
      sent.push({ channelId, kind: card.kind, text: renderPigeon(card) });
      return { messageId: `p${sent.length}` };
    },
  };
}

const LOFT: ChannelRef = { platform: 'pigeon', channelId: 'loft-7' };

let store: CorpusStore;

beforeAll(() => registerPlatform(pigeon));
afterAll(() => unregisterPlatform(pigeon.name));
beforeEach(async () => {
  store = await createCorpusStore(':memory:');
  await store.addSource(
    { id: 'wire', name: 'Wire <!channel>', url: 'https://example.org/rss', intervalSeconds: 600 },
    NOW,
  );
  await store.saveChannel({ ...LOFT, topics: ['sanctions'], sources: [], languages: [] }, NOW);
});
afterEach(() => store.close());

describe('a chat platform registered from test/ only', () => {
  it('gets alerts and a digest within its own burst budget, rendered by its own renderer', async () => {
    const titles = [
      'EU sanctions *urgent* <!channel> & \u202Egnp.exe',
      'EU sanctions package 2 targets Belaruskali',
      'EU sanctions package 3 targets Belavia',
      'EU sanctions package 4 targets Grodno Azot',
      'EU sanctions package 5 targets MAZ',
    ];
    const source = makeSource({
      id: 'wire',
      name: 'Wire <!channel>',
      addedAt: NOW,
      health: { lastSuccessAt: NOW },
    });
    const policy = { baseline: false, now: new Date(NOW), maxAgeMs: null };
    const summary = await ingestFeed(source, wireFeed(titles, NOW), NOW, { store, classify }, policy);
    expect(summary.alerts).toBe(titles.length);

    const sent: { channelId: string; kind: string; text: string }[] = [];
    const deps = {
      store,
      notifiers: new Map([[pigeon.name, pigeonNotifier(sent)]]),
      log: createMemoryLogger(),
      clock: systemClock,
      holder: processLeaseHolder(),
    };
    for (const channel of summary.channels) {
      const payload = JOB_SCHEMAS.deliver.parse({ channel });
      expect(await drainChannel(payload, deps)).toEqual({ outcome: 'drained', sent: 3 });
    }
    expect(sent.map((message) => message.kind)).toEqual(['alert', 'alert', 'digest']);
    expect(sent.every((message) => message.channelId === 'loft-7')).toBe(true);
    const first = sent.find((message) => message.text.includes('urgent'))?.text ?? '';
    expect(first).toContain(
      '[*EU sanctions \\*urgent\\* \\<\\!channel\\> \\& gnp.exe*](https://example.org/0)',
    );
    expect(first).not.toContain('\u202E');
    expect(first).toContain('Wire \\<\\!channel\\>');
    expect(sent[2]?.text).toContain('3 more alerts');
  });

  it('answers commands with its own prefix and its own word for chat admins', async () => {
    const deps = makeDeps(store, { clock: fixedClock(NOW), admins: [] });
    const request = (text: string): CommandRequest => ({
      channel: LOFT,
      user: { platform: 'pigeon', id: 'u1' },
      text,
      isPlatformAdmin: async () => false,
    });
    // As an inbound adapter does: the core's reply, as a card, out through the platform's Notifier.
    const sent: { channelId: string; kind: string; text: string }[] = [];
    const notifier = pigeonNotifier(sent);
    for (const text of ['help', 'subscribe prisoners'])
      await notifier.send(LOFT.channelId, replyCard(await handleCommand(request(text), deps)));
    expect(sent.map((message) => message.kind)).toEqual(['reply', 'reply']);
    expect(sent[0]?.text).toContain('!search');
    expect(sent[1]?.text).toContain('the loft keepers');
  });

  it('is known to the deliver payload check only while registered', () => {
    const payload = {
      itemId: 1,
      channel: { platform: 'carrier-owl', channelId: 'x' },
      reason: 'topic: sanctions',
    };
    const refused = JOB_SCHEMAS.deliver.safeParse(payload);
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain('unknown chat platform \\"carrier-owl\\"');
    expect(JOB_SCHEMAS.deliver.safeParse({ ...payload, channel: LOFT }).success).toBe(true);
  });
});
