// `vigil digest`: the built command line prints the chat digest's grouping over the whole corpus;
// a wrong --since or --topic exits 2 with one line.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { runVigil, tempDir } from '../helpers/run-vigil.js';
import { item } from '../unit/commands/fixtures.js';

describe('vigil digest', () => {
  const db = path.join(tempDir(), 'digest.db');
  const env = { VIGIL_DB: db };
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

  beforeAll(async () => {
    const store = await createCorpusStore(db);
    const at = hoursAgo(100);
    await store.addSource(
      { id: 'charter97', name: 'Charter 97', url: 'https://charter97.org/rss', intervalSeconds: 600 },
      at,
    );
    await store.addSource(
      { id: 'zerkalo', name: 'Zerkalo', url: 'https://news.zerkalo.io/rss', intervalSeconds: 600 },
      at,
    );
    const text = 'The EU adopted its new sanctions package against Belarusian potash exporters.';
    await store.insertItems([
      item({
        title: 'EU adopts new sanctions package',
        text,
        labels: ['sanctions'],
        publishedAt: hoursAgo(3),
      }),
      item({
        sourceId: 'zerkalo',
        title: 'EU adopts new sanctions package',
        text,
        labels: ['sanctions'],
        publishedAt: hoursAgo(2),
      }),
      item({ title: 'Viasna counts political prisoners', labels: ['prisoners'], publishedAt: hoursAgo(5) }),
      item({ title: 'Minsk talks last month', labels: ['diplomacy'], publishedAt: hoursAgo(40) }),
    ]);
    await store.close();
  });

  it('prints the last day by story and topic, the other outlets as also reported by', () => {
    const result = runVigil(['digest'], { env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 stories from 3 items. By topic: sanctions 1, prisoners 1.');
    expect(result.stdout).toContain('EU adopts new sanctions package');
    expect(result.stdout).toContain('also reported by: Zerkalo');
    expect(result.stdout).not.toContain('Minsk talks');
    expect(result.stdout.indexOf('sanctions: 1 story')).toBeLessThan(
      result.stdout.indexOf('prisoners: 1 story'),
    );
  });

  it('takes a longer window and one topic', () => {
    const result = runVigil(['digest', '--since', '2d', '--topic', 'diplomacy'], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Minsk talks last month');
    expect(result.stdout).not.toContain('sanctions package');
    expect(runVigil(['digest', '--since', '1h'], { env }).stdout).toMatch(/^no items since /);
  });

  it.each([
    [['digest', '--since', 'yesterday'], '--since'],
    [['digest', '--topic', 'football'], '--topic: there is no topic "football"'],
  ])('%j exits 2 with one line', (args, message) => {
    const result = runVigil(args, { env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
