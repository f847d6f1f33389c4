import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/command.js';
import { handleCommand } from '../../../src/commands/handle-command.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { item, makeDeps, makeRequest, makeStore, textOf } from './fixtures.js';

const admin = (text: string) => makeRequest(text, { userId: '1' });
const day = (n: number) => new Date(Date.parse('2025-06-10T12:00:00.000Z') - n * 86_400_000).toISOString();

let store: CorpusStore;
let deps: CommandDeps;

beforeEach(async () => {
  store = await makeStore();
  deps = makeDeps(store);
  await store.insertItems([
    item({ title: 'Лукашенко заявил об экспорте калия', publishedAt: day(1), language: 'ru' }),
    item({ title: 'Lukashenko says potash exports will grow', publishedAt: day(3), labels: ['sanctions'] }),
    item({
      title: 'Łukašenka and potash, again',
      publishedAt: day(5),
      sourceId: 'nasha-niva',
      text: 'Football is not mentioned here.',
    }),
    item({ title: 'Lukashenko on potash and football', publishedAt: day(7) }),
    item({ title: 'Lukashenko on potash last winter', publishedAt: day(45) }),
    item({ title: 'Ryanair flight diverted to Minsk', publishedAt: day(2), labels: ['diplomacy'] }),
    item({ title: 'Prisoners released', publishedAt: day(4), labels: ['prisoners'] }),
  ]);
});
afterEach(async () => {
  await store.close();
});

describe('watch test', () => {
  it('counts the matches of the last 30 days in any script, shows the newest with their words, changes nothing', async () => {
    const reply = await handleCommand(admin('watch test Łukašenka potash'), deps);
    expect(reply.isError).toBeFalsy();
    expect(reply.title).toBe('Watch test: Łukašenka potash');
    expect(reply.lines[0]).toBe('It would have matched 4 items of the last 30 days. The newest:');
    expect(reply.items?.map((shown) => shown.title)).toEqual([
      'Лукашенко заявил об экспорте калия',
      'Lukashenko says potash exports will grow',
      'Łukašenka and potash, again',
      'Lukashenko on potash and football',
    ]);
    expect(reply.items?.[0]?.snippet).toMatch(/^Matched: Лукашенко, калия\./);
    expect(reply.items?.[2]?.source).toBe('Nasha Niva');
    expect(await store.listWatches()).toEqual([]);
    expect(await store.listAudit({ limit: 5 })).toEqual([]);
  });

  it('applies exclusions, phrases, topic: and source: exactly as alerts would', async () => {
    const count = async (expression: string) =>
      (await handleCommand(admin(`watch test ${expression}`), deps)).lines[0] ?? '';
    expect(await count('Łukašenka potash -football')).toContain('matched 2 items');
    expect(await count('Łukašenka potash source:nasha-niva')).toContain('matched 1 item ');
    expect(await count('Łukašenka potash topic:sanctions')).toContain('matched 1 item ');
    expect(await count('"potash exports"')).toContain('matched 1 item ');
    // A topic inside OR is part of the same query search runs.
    expect(await count('Ryanair OR topic:prisoners')).toContain('matched 2 items');
    expect(await count('topic:sanctions OR topic:diplomacy')).toContain('matched 2 items');
  });

  it('says so when nothing matches, and reports a wrong expression with the right form', async () => {
    expect(textOf(await handleCommand(admin('watch test Belavia'), deps))).toContain(
      'No item of the last 30 days matches.',
    );
    const wrong = await handleCommand(admin('watch test (Belavia'), deps);
    expect(wrong.isError).toBe(true);
    expect(textOf(wrong)).toContain('unclosed parenthesis at 1');
    expect(textOf(wrong)).toContain('Usage: /watch test <expression>');
  });
});
