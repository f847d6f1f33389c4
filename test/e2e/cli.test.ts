// The command line as design.md fixes it, run as a built program against a temp SQLite file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsPath } from '../../src/paths.js';
import { runVigil, tempDir } from '../helpers/run-vigil.js';

const seedFeeds = readdirSync(seedsPath('feeds'))
  .filter((name) => name.endsWith('.xml'))
  .map((name) => path.join('seeds', 'feeds', name));

describe('vigil --help', () => {
  it('lists every command', () => {
    const result = runVigil(['--help'], { env: {} });
    expect(result.status).toBe(0);
    for (const command of ['run', 'poll', 'ingest', 'classify', 'search', 'sources', 'eval']) {
      expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });
});

describe('vigil ingest + search on the seed feeds', () => {
  const db = path.join(tempDir(), 'vigil.db');
  const env = { VIGIL_DB: db };

  it('stores the five seed items, then recognises them as duplicates', () => {
    expect(seedFeeds).toHaveLength(5);
    const first = runVigil(['ingest', ...seedFeeds], { env });
    expect(first.stderr).not.toMatch(/cannot ingest/);
    expect(first.status).toBe(0);
    const counts = [...first.stdout.matchAll(/: (\d+) new, (\d+) duplicate, (\d+) rejected/g)];
    expect(counts).toHaveLength(5);
    expect(counts.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(5);

    const second = runVigil(['ingest', ...seedFeeds], { env });
    expect(second.status).toBe(0);
    const again = [...second.stdout.matchAll(/: (\d+) new, (\d+) duplicate/g)];
    expect(again.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(0);
    expect(again.reduce((sum, match) => sum + Number(match[2]), 0)).toBe(5);
  });

  it('alerts the console channel once per item, not again on re-ingest', () => {
    const db2 = path.join(tempDir(), 'vigil.db');
    const first = runVigil(['ingest', ...seedFeeds], { env: { VIGIL_DB: db2 } });
    expect(first.stdout.match(/^● /gm)?.length).toBe(5);
    const second = runVigil(['ingest', ...seedFeeds], { env: { VIGIL_DB: db2 } });
    expect(second.stdout).not.toMatch(/^● /m);
  });

  it('finds the seed items by any spelling of Lukashenka', () => {
    for (const query of ['lukashenka', 'Лукашенко', 'Łukašenka']) {
      const result = runVigil(['search', query, '--json'], { env });
      expect(result.status).toBe(0);
      const hits = JSON.parse(result.stdout) as {
        id: number;
        title: string;
        source: string;
        snippet: string;
      }[];
      expect(hits.length, `hits for ${query}`).toBe(5);
      for (const hit of hits)
        expect(Object.keys(hit).sort()).toEqual(
          ['id', 'labels', 'publishedAt', 'snippet', 'source', 'title', 'url'].sort(),
        );
    }
  });

  it('prints readable results without --json and a clear message for a bad query', () => {
    const result = runVigil(['search', 'sanctions', '--limit', '2'], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/items match; showing 1-2/);
    const explained = runVigil(['search', 'Lukashenko sanctions', '--limit', '2', '--explain'], { env });
    expect(explained.status).toBe(0);
    expect(explained.stdout).toMatch(/^why #\d+ ".*": score [\d.]+, carries (every|some) parts?$/m);
    expect(explained.stdout).toMatch(
      /^ {2}Lukashenko: weight [\d.]+, in the (title|text), .*<- \S+ \((exact|stem|alias|name|concept), (title|text)\)/m,
    );
    const json = JSON.parse(runVigil(['search', 'sanctions', '--json', '--explain'], { env }).stdout) as {
      explanation: { parts: { part: string }[] };
    }[];
    expect(json[0]?.explanation.parts[0]?.part).toBe('sanctions');
    const bad = runVigil(['search', 'since:yesterday'], { env });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^search: .*since/m);
  });
});

describe('vigil classify', () => {
  it('writes one line per input and reports bad lines with their number', () => {
    const input = [
      JSON.stringify({
        id: 'a',
        title: 'EU adopts new sanctions against Belarus',
        text: 'Asset freezes and visa bans.',
        extra: 1,
      }),
      '{not json',
      JSON.stringify({ id: 2, title: '', text: 'Football: Dinamo Minsk won 2-0.' }),
    ].join('\n');
    const result = runVigil(['classify'], { env: {}, input });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^line 2: not valid JSON/m);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0].id).toBe('a');
    expect(lines[0].labels).toContain('sanctions');
    expect(Object.keys(lines[0].scores).sort()).toEqual(
      expect.arrayContaining(['diplomacy', 'prisoners', 'sanctions']),
    );
    expect(lines[0].evidence[0]).toMatchObject({
      label: 'sanctions',
      field: expect.stringMatching(/^(title|text)$/),
    });
    expect(lines[1]).toMatchObject({ id: 2, labels: [] });
  });
});

describe('configuration errors', () => {
  it.each([
    ['VIGIL_DB', 'mysql://root@localhost/vigil', ['sources', 'list']],
    ['VIGIL_HTTP_PORT', 'not-a-port', ['run']],
  ])('a malformed %s stops start-up with one line naming it', (variable, value, args) => {
    const result = runVigil(args, {
      env: { [variable]: value, VIGIL_DB: variable === 'VIGIL_DB' ? value : ':memory:' },
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
  });
});
