// The `figures` chat command: its forms, its card (chart, latest points, links) and the console text of it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderCard as renderConsole } from '../../../adapters/console/render.js';
import type { CardBlock } from '../../../src/cards/card.js';
import type { CommandDeps } from '../../../src/commands/command.js';
import { handleCommand } from '../../../src/commands/handle-command.js';
import { parseCommand } from '../../../src/commands/parse-command.js';
import { replyCard } from '../../../src/commands/reply.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import type { ChartRenderer } from '../../../src/ports.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import '../../helpers/register-platforms.js';
import { item, makeDeps, makeRequest, makeStore, T0 } from './fixtures.js';

const DAY_MS = 86_400_000;
const daysBefore = (days: number) => new Date(Date.parse(T0) - days * DAY_MS).toISOString();
const FAKE_PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

/** A renderer that records the specs it was given and answers fixed bytes. */
function fakeCharts(): ChartRenderer & { specs: unknown[] } {
  const specs: unknown[] = [];
  return {
    specs,
    renderPng: async (spec) => {
      specs.push(spec);
      return { png: FAKE_PNG, width: 1200, height: 800 };
    },
  };
}

describe('parseCommand: figures', () => {
  it.each([
    ['figures', { kind: null, window: '90d' }],
    ['/figures@vigil_bot prisoners', { kind: 'prisoners', window: '90d' }],
    ['figures RELEASES since:30d', { kind: 'released', window: '30d' }],
    ['figures released', { kind: 'released', window: '90d' }],
    ['figures since:12w designations', { kind: 'designations', window: '12w' }],
    ['figures --since 24h', { kind: null, window: '24h' }],
    ['figures all --since=365d', { kind: null, window: '365d' }],
  ])('%s', (text, expected) => {
    expect(parseCommand(text)).toEqual({ ok: true, command: { name: 'figures', ...expected } });
  });

  it.each([
    ['figures weather', /`weather` is not a kind of figure: prisoners, releases or designations/],
    ['figures constructor', /`constructor` is not a kind of figure/],
    ['figures prisoners releases', /takes one kind/],
    ['figures since:90', /since:90.*24h, 90d or 2w/],
    ['figures since:3651d', /from 1h to 3650d/],
    ['figures --since', /`--since` needs a window/],
    ['figures since:30d --since 40d', /one window/],
  ])('%s is refused with the right form', (text, error) => {
    const parsed = parseCommand(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(error);
    expect(parsed.usage).toBe('figures [prisoners|releases|designations] [since:90d]');
  });
});

describe('figures command', () => {
  let store: CorpusStore;
  let deps: CommandDeps;
  let charts: ReturnType<typeof fakeCharts>;

  beforeEach(async () => {
    store = await makeStore();
    await store.insertItems([
      item({
        title: 'Count',
        text: 'Viasna counts 1,190 political prisoners.',
        labels: ['prisoners'],
        publishedAt: daysBefore(20),
      }),
      item({
        title: 'Count <b>again</b> & more',
        text: 'Viasna counts 1,160 political prisoners.',
        labels: ['prisoners'],
        publishedAt: daysBefore(5),
      }),
      item({
        title: 'EU sanctions',
        text: 'The EU added 25 individuals and 14 entities to its sanctions list.',
        labels: ['sanctions'],
        publishedAt: daysBefore(2),
      }),
      item({
        title: 'Old count',
        text: 'Viasna counts 1,300 political prisoners.',
        labels: ['prisoners'],
        publishedAt: daysBefore(200),
      }),
    ]);
    charts = fakeCharts();
    deps = makeDeps(store, { charts });
  });
  afterEach(async () => store.close());

  const blocksOf = (text: string) => handleCommand(makeRequest(text), deps).then((reply) => replyCard(reply));
  const entries = (blocks: readonly CardBlock[]) => blocks.filter((block) => block.type === 'entry');

  it('answers anyone with the chart, described, and the latest points with their source links', async () => {
    const card = await blocksOf('figures');
    expect(card.isError).toBeUndefined();
    expect(card.public).toBe(true);
    expect(card.blocks[0]).toMatchObject({ type: 'title', text: 'Figures since 2025-03-12' });
    const image = card.blocks.find((block) => block.type === 'image');
    expect(image).toMatchObject({ type: 'image', png: FAKE_PNG });
    expect(image?.type === 'image' && image.alt).toMatch(
      /^Political prisoners: 2 points from .* latest 1,160\./,
    );
    expect(charts.specs).toHaveLength(1);
    // Newest first: the designation, then the two counts; the 200-day-old count is out of the window.
    const rows = entries(card.blocks);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      blocks: [
        {
          type: 'fields',
          fields: [
            { text: daysBefore(2).slice(0, 10) },
            { text: 'Designated under sanctions' },
            { text: '39', style: 'strong' },
            { text: 'EU', style: 'em' },
          ],
        },
        {
          type: 'links',
          links: [{ label: expect.stringContaining('EU sanctions'), url: expect.any(String) }],
        },
      ],
    });
    expect(JSON.stringify(rows[1])).toContain('Count <b>again</b> & more');
    expect(JSON.stringify(card)).not.toContain('1,300');
  });

  it('reads one kind over the window asked for', async () => {
    const card = await blocksOf('figures prisoners since:365d');
    expect(card.blocks[0]).toMatchObject({ text: 'Political prisoners since 2024-06-10' });
    const text = JSON.stringify(entries(card.blocks));
    expect(text).toContain('1,300');
    expect(text).not.toContain('Designated');
  });

  it('says so when the window holds no figures', async () => {
    const card = await blocksOf('figures releases since:1d');
    expect(card.blocks.some((block) => block.type === 'image')).toBe(false);
    expect(JSON.stringify(card.blocks)).toContain(
      'No figures (released or pardoned) found in the 0 items of this window.',
    );
    expect(JSON.stringify(card.blocks)).toContain('A longer window may have some: `/figures since:365d`');
  });

  it('answers a wrong kind with a short reply and the right form', async () => {
    const reply = await handleCommand(makeRequest('figures weather'), deps);
    expect(reply.isError).toBe(true);
    expect(reply.lines).toEqual([
      '`weather` is not a kind of figure: prisoners, releases or designations.',
      'Usage: /figures [prisoners|releases|designations] [since:90d]',
    ]);
    expect(charts.specs).toHaveLength(0);
  });

  it('answers with the description as text when there is no renderer, or it fails (logged)', async () => {
    const plain = await handleCommand(makeRequest('figures'), makeDeps(store));
    const log = createMemoryLogger();
    const failing = await handleCommand(
      makeRequest('figures'),
      makeDeps(store, {
        log,
        charts: {
          renderPng: async () => {
            throw new Error('no fonts');
          },
        },
      }),
    );
    for (const reply of [plain, failing]) {
      const card = replyCard(reply);
      expect(card.blocks.some((block) => block.type === 'image')).toBe(false);
      expect(card.blocks[1]).toMatchObject({
        type: 'text',
        text: expect.stringMatching(/^Political prisoners: /),
      });
    }
    expect(log.lines.map((line) => line.message)).toContain('figures chart could not be drawn');
  });

  it('prints on the console as the description and the table, never the image bytes', async () => {
    const text = renderConsole(await blocksOf('figures'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Figures since 2025-03-12');
    expect(lines[1]).toMatch(/^\[image: Political prisoners: 2 points .*Designated under sanctions: 1 point/);
    expect(text).toContain(`${daysBefore(2).slice(0, 10)} · Designated under sanctions · 39 · EU`);
    expect(text).toContain(`${daysBefore(5).slice(0, 10)} · Political prisoners · 1,160 · Viasna`);
    expect(text).toMatch(
      /Charter 97, \d{4}-\d{2}-\d{2}: Count <b>again<\/b> & more: https:\/\/example\.org\/news\/\d+/,
    );
    expect(text).not.toContain('PNG');
  });
});
