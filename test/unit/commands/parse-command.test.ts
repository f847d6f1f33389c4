import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/commands/parse-command.js';

const topics = ['sanctions', 'prisoners', 'diplomacy'];
const parse = (text: string) => parseCommand(text, { topics });

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help', about: null }],
    ['', { name: 'help', about: null }],
    ['/start', { name: 'help', about: null }],
    ['help search', { name: 'help', about: 'search' }],
    ['search potash', { name: 'search', query: 'potash', page: 1 }],
    [
      '/search@vigil_bot "political prisoners" since:2025-06-01',
      { name: 'search', query: '"political prisoners" since:2025-06-01', page: 1 },
    ],
    ['SEARCH potash --page 3', { name: 'search', query: 'potash', page: 3 }],
    ['latest', { name: 'latest', topic: null }],
    ['latest Prisoners', { name: 'latest', topic: 'prisoners' }],
    ['item 123', { name: 'item', id: 123 }],
    ['item #7', { name: 'item', id: 7 }],
    ['stats', { name: 'stats' }],
    ['sources', { name: 'sources' }],
    [
      'subscribe sanctions prisoners',
      { name: 'subscribe', topics: ['sanctions', 'prisoners'], sources: [], languages: [] },
    ],
    [
      'subscribe sanctions,diplomacy sanctions',
      { name: 'subscribe', topics: ['sanctions', 'diplomacy'], sources: [], languages: [] },
    ],
    [
      'subscribe all',
      { name: 'subscribe', topics: ['sanctions', 'prisoners', 'diplomacy'], sources: [], languages: [] },
    ],
    ['unsubscribe diplomacy', { name: 'unsubscribe', topics: ['diplomacy'], sources: [], languages: [] }],
    [
      'subscribe sanctions source:zerkalo lang:RU',
      { name: 'subscribe', topics: ['sanctions'], sources: ['zerkalo'], languages: ['ru'] },
    ],
    ['source add https://example.org/feed.xml', { name: 'source-add', url: 'https://example.org/feed.xml' }],
    ['source add example.org', { name: 'source-add', url: 'https://example.org/' }],
    ['sources add <https://example.org/rss>', { name: 'source-add', url: 'https://example.org/rss' }],
    ['source remove Charter97', { name: 'source-remove', id: 'charter97' }],
    ['source pause charter97', { name: 'source-pause', id: 'charter97' }],
    ['source resume charter97', { name: 'source-resume', id: 'charter97' }],
    [
      'source add example.org --interval 5',
      { name: 'source-add', url: 'https://example.org/', intervalSeconds: 5 },
    ],
    [
      'source add --interval=120 example.org',
      { name: 'source-add', url: 'https://example.org/', intervalSeconds: 120 },
    ],
    [
      'source add example.org --articles /news/\\d+ --interval 600',
      { name: 'source-add', url: 'https://example.org/', intervalSeconds: 600, articlePattern: '/news/\\d+' },
    ],
    ['watch add Ryanair', { name: 'watch-add', expression: 'Ryanair' }],
    [
      'watch add  "political  prisoners" -football ',
      { name: 'watch-add', expression: '"political  prisoners" -football' },
    ],
    ['watch test Łukašenka potash', { name: 'watch-test', expression: 'Łukašenka potash' }],
    ['watch remove #3', { name: 'watch-remove', id: 3 }],
    ['watch remove 12', { name: 'watch-remove', id: 12 }],
    ['watch list', { name: 'watch-list' }],
    ['watch', { name: 'watch-list' }],
    ['watches', { name: 'watch-list' }],
    ['audit', { name: 'audit' }],
  ])('%s', (text, command) => {
    expect(parse(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['search', /needs something to look for/, 'search <words>'],
    ['search potash --page 0', /page number/, '--page N'],
    ['search --page 2', /needs something/, 'search <words>'],
    ['latest football', /no topic `football`/, 'latest [topic]'],
    ['latest sanctions prisoners', /at most one topic/, 'latest [topic]'],
    ['item', /needs the id/, 'item <id>'],
    ['item abc', /not an item id/, 'item <id>'],
    ['item 0', /not an item id/, 'item <id>'],
    ['stats now', /no arguments/, 'stats'],
    ['subscribe', /at least one topic/, 'subscribe <topic…>'],
    ['subscribe sanctions lang:english', /not a language code/, 'subscribe <topic…>'],
    ['subscribe sanctions source:Bad_Id!', /not a source id/, 'subscribe <topic…>'],
    [
      'subscribe sanctions football',
      /no topic `football`; nothing was changed/,
      'Topics: sanctions, prisoners, diplomacy',
    ],
    ['source', /one of add, remove, pause, resume/, 'source add'],
    ['source delete x', /not a command/, 'source remove <source id>'],
    ['source add', /needs one feed or site address/, 'source add'],
    ['source add ftp://example.org/x', /not a web address/, 'source add'],
    ['source add javascript:alert(1)', /not a web address/, 'source add'],
    ['source remove', /needs one source id/, 'source remove'],
    ['source add example.org --interval', /needs a number of seconds/, '--interval SECONDS'],
    ['source add example.org --interval 0', /needs a number of seconds from 1 to 86400/, 'source add'],
    ['source add example.org --interval soon', /needs a number of seconds/, 'source add'],
    ['source add example.org --articles', /needs a regular expression/, '--articles REGEX'],
    ['watch add', /needs an expression/, 'watch add <expression>'],
    ['watch test', /needs an expression/, 'watch test <expression>'],
    ['watch remove', /needs the id/, 'watch remove <watch id>'],
    ['watch remove three', /needs one watch id, not `three`/, 'watch remove'],
    ['watch remove 0', /needs one watch id/, 'watch remove'],
    ['watch frob', /`watch frob` is not a command/, 'watch list'],
    ['watch list all', /takes no arguments/, 'watch add'],
    ['audit everything', /takes no arguments/, 'audit'],
    [
      'frobnicate now',
      /no command `frobnicate`\. Commands: help, search, latest, item, stats, sources, subscribe/,
      'help [command]',
    ],
  ])('%s → error', (text, error, usage) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(error);
    expect(result.usage).toContain(usage);
  });

  it('accepts any topic slug when no topic list is given', () => {
    expect(parseCommand('latest whatever')).toEqual({
      ok: true,
      command: { name: 'latest', topic: 'whatever' },
    });
  });

  it('keeps a long unknown command short in the error', () => {
    const result = parse('x'.repeat(5000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(200);
  });
});
