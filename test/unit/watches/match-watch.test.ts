import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWatch, matchWatch, type WatchMatch } from '../../../src/watches/compile-watch.js';
import { parseWatch } from '../../../src/watches/watch-expression.js';
import { type WatchSubjectInput, watchSubject } from '../../../src/watches/watch-subject.js';

function subject(partial: Partial<WatchSubjectInput>): WatchSubjectInput {
  return { title: '', text: '', labels: [], sourceId: 'charter97', ...partial };
}

function match(expression: string, item: Partial<WatchSubjectInput>): WatchMatch | null {
  const parsed = parseWatch(expression);
  if (!parsed.ok) throw new Error(`${expression}: ${parsed.error}`);
  return matchWatch(compileWatch(parsed.watch), watchSubject(subject(item)));
}

const matches = (expression: string, item: Partial<WatchSubjectInput>) => match(expression, item) !== null;

describe('matchWatch: one language-neutral key per word', () => {
  it.each([
    ['Лукашенко встретился с Путиным', 'Лукашенко'],
    ['Лукашэнка сустрэўся з Пуціным', 'Лукашэнка'],
    ['Lukashenka met Putin', 'Lukashenka'],
    ['Łukašenka sustreŭsia z Pucinym', 'Łukašenka'],
    ['Lukashenko met Putin', 'Lukashenko'],
  ])('Łukašenka finds %s', (title, found) => {
    expect(match('Łukašenka', { title })?.terms).toEqual([{ term: 'Łukašenka', found }]);
    expect(matches('Лукашенко', { title })).toBe(true);
    expect(matches('Lukashenka', { title })).toBe(true);
  });

  it('Łukašenka potash finds "Лукашенко … калий" and "Lukashenko … potash"', () => {
    const ru = match('Łukašenka potash', {
      title: 'Лукашенко о калийных санкциях',
      text: 'Лукашенко заявил, что экспорт калия продолжится.',
    });
    expect(ru?.terms.map((term) => term.term)).toEqual(['Łukašenka', 'potash']);
    expect(ru?.terms[0]?.found).toBe('Лукашенко');
    expect(matches('Łukašenka potash', { title: 'Lukashenko says potash exports will grow' })).toBe(true);
    // Fertiliser is a word of the potash concept (seeds/lexicon), as search finds it too.
    expect(matches('Łukašenka potash', { title: 'Lukashenko says nothing about fertiliser' })).toBe(true);
    expect(matches('Łukašenka potash', { title: 'Lukashenko says nothing about the harvest' })).toBe(false);
  });

  it('inflected forms and other languages meet: санкциями ~ sanctions ~ sankcje', () => {
    expect(matches('sanctions', { text: 'ЕС пригрозил новыми санкциями.' })).toBe(true);
    expect(matches('санкциями', { text: 'The EU imposed new sanctions.' })).toBe(true);
    expect(matches('sanction', { text: 'UE nałożyła nowe sankcje.' })).toBe(true);
    expect(matches('санкции', { text: 'Новыя санкцыі ЕС.' })).toBe(true);
    expect(matches('sanctions', { text: 'A quiet day in Minsk.' })).toBe(false);
  });

  it('looks at the title and the text', () => {
    expect(matches('Ryanair', { title: 'Ryanair flight diverted' })).toBe(true);
    expect(matches('Ryanair', { text: 'The Ryanair plane landed in Minsk.' })).toBe(true);
  });
});

describe('matchWatch: the language', () => {
  const item = {
    title: 'EU extends potash sanctions against Belaruskali',
    text: 'The Council prolonged the sanctions on Belarusian potash exports. Football clubs are unaffected.',
    labels: ['sanctions'],
    sourceId: 'charter97',
  };

  it('words must all appear; -word must not', () => {
    expect(matches('Belaruskali potash', item)).toBe(true);
    expect(matches('Belaruskali lithium', item)).toBe(false);
    expect(matches('Belaruskali -football', item)).toBe(false);
    expect(matches('Belaruskali -hockey', item)).toBe(true);
    expect(matches('Belaruskali NOT hockey', item)).toBe(true);
  });

  it('phrases need their words side by side, in order, in one field', () => {
    expect(matches('"potash sanctions"', item)).toBe(true);
    expect(matches('"sanctions potash"', item)).toBe(false);
    expect(matches('"potash exports"', item)).toBe(true);
    // The title ends with Belaruskali and the text starts with The: no phrase across the two.
    expect(matches('"Belaruskali the"', item)).toBe(false);
    expect(matches('"калий sanctions"', item)).toBe(true);
    // As in search (key-query.ts): past 16 combinations of equivalents, later words count as written.
    expect(matches('"калий санкции"', item)).toBe(false);
    expect(matches('"калий санкции"', { text: 'Списки «калий санкции» ЕС.' })).toBe(true);
    expect(match('"potash sanctions"', item)?.terms).toEqual([
      { term: '"potash sanctions"', found: 'potash sanctions' },
    ]);
  });

  it('a word the text path splits is matched as a phrase', () => {
    expect(matches('EU-Belarus', { text: 'The EU-Belarus talks' })).toBe(true);
    expect(matches('EU-Belarus', { text: 'Belarus and the EU' })).toBe(false);
  });

  it('OR, parentheses and precedence', () => {
    expect(matches('Ryanair OR Belaruskali', item)).toBe(true);
    expect(matches('Ryanair OR Belavia', item)).toBe(false);
    // a -b OR c is (a -b) OR c
    expect(matches('Belaruskali -football OR Ryanair', item)).toBe(false);
    expect(matches('Belaruskali -football OR potash', item)).toBe(true);
    expect(matches('Belaruskali -(football OR hockey)', item)).toBe(false);
    expect(matches('(Ryanair OR potash) (Belavia OR Belaruskali)', item)).toBe(true);
  });

  it('topic: and source: test the labels and the source', () => {
    expect(matches('potash topic:sanctions', item)).toBe(true);
    expect(matches('potash topic:prisoners', item)).toBe(false);
    expect(matches('potash source:charter97', item)).toBe(true);
    expect(matches('potash source:nasha-niva', item)).toBe(false);
    expect(matches('potash -source:charter97', item)).toBe(false);
    expect(matches('Ryanair OR topic:sanctions', item)).toBe(true);
  });

  it('reports the terms that made it match, not the excluded ones, nor a failed side', () => {
    expect(match('(potash lithium) OR Belaruskali -hockey', item)?.terms).toEqual([
      { term: 'Belaruskali', found: 'Belaruskali' },
    ]);
    expect(match('potash OR Belaruskali topic:sanctions', item)?.terms.map((term) => term.term)).toEqual([
      'potash',
      'Belaruskali',
      'topic:sanctions',
    ]);
  });
});

describe('matchWatch: work grows with the text, not with its shape', () => {
  it('a long repetitive text with a near-miss phrase is matched quickly', () => {
    const text = 'sanctions '.repeat(20_000);
    const parsed = parseWatch('"sanctions sanctions sanctions sanctions sanctions potash"');
    if (!parsed.ok) throw new Error(parsed.error);
    const watch = compileWatch(parsed.watch);
    const started = performance.now();
    const keys = watchSubject(subject({ text }));
    expect(matchWatch(watch, keys)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('properties', () => {
  const alphabet = fc.constantFrom(
    ...'ab "-()ORNT:topicsurce Łž Лук калий \t\u0000\u200b😀«»“„'.split(''),
    'OR',
    'NOT',
    'AND',
    'topic:',
    'source:',
    'since:',
  );
  const expression = fc.oneof(
    fc.string({ maxLength: 250 }),
    fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join('')),
  );
  const item = fc.record({
    title: fc.string({ maxLength: 200 }),
    text: fc.oneof(
      fc.string({ maxLength: 500 }),
      fc.array(alphabet, { maxLength: 200 }).map((parts) => parts.join('')),
    ),
    labels: fc.subarray(['sanctions', 'prisoners', 'diplomacy']),
    sourceId: fc.constantFrom('charter97', 'a', ''),
  });

  it('parsing any input never throws; an error always has a column inside the text (or just after it)', () => {
    fc.assert(
      fc.property(expression, (text) => {
        const result = parseWatch(text, { topics: ['sanctions'] });
        if (!result.ok) {
          expect(result.position).toBeGreaterThanOrEqual(1);
          expect(result.position).toBeLessThanOrEqual(Math.max([...text].length, 200) + 1);
          expect(result.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('matching any parsed watch against any item never throws', () => {
    fc.assert(
      fc.property(expression, item, (text, input) => {
        const parsed = parseWatch(text);
        if (!parsed.ok) return;
        const result = matchWatch(compileWatch(parsed.watch), watchSubject(input));
        if (result !== null) expect(Array.isArray(result.terms)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a watch of one word matches exactly the items whose text holds it', () => {
    fc.assert(
      fc.property(fc.constantFrom('potash', 'Belaruskali', 'Ryanair'), fc.boolean(), (word, present) => {
        const text = present ? `Reports on ${word} today` : 'Reports on nothing today';
        expect(matches(word, { text })).toBe(present);
      }),
    );
  });
});
