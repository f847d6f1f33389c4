// Figures read from sentences written for these tests, per language and script, with the traps.
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/figures/extract-figures.js';
import type { Figure } from '../../../src/figures/figure.js';

const PUBLISHED = '2025-09-12T08:00:00Z';

function read(text: string, options: { title?: string; publishedAt?: string } = {}): Figure[] {
  return extractFigures({
    itemId: 7,
    title: options.title ?? '',
    text,
    publishedAt: options.publishedAt ?? PUBLISHED,
  });
}

function brief(text: string, options: { title?: string; publishedAt?: string } = {}): string[] {
  return read(text, options).map((f) => `${f.kind} ${f.value}${f.approximate ? ' ~' : ''}`);
}

describe('political prisoners counted', () => {
  it.each([
    ['en', 'Viasna counts 1,160 political prisoners in Belarus today.', 1160],
    ['en, no-break space', 'The human rights centre Viasna now lists 1\u00a0160 political prisoners.', 1160],
    ['ru', 'Правозащитный центр «Весна» насчитывает 1 160 политзаключённых.', 1160],
    ['be Cyrillic', 'Паводле звестак «Вясны», у Беларусі 1149 палітвязняў.', 1149],
    ['be Łacinka', 'Pavodle źviestak «Viasny», u Biełarusi 1149 palitviaźniaŭ.', 1149],
    ['uk', 'За даними «Вясни», у Білорусі зараз 1\u202f152 політв’язні.', 1152],
    ['pl', 'Według Wiasny na Białorusi przebywa 1.152 więźniów politycznych.', 1152],
    ['pt', 'Segundo a Viasna, há 1.407 presos políticos no país.', 1407],
  ])('%s', (_language, text, value) => {
    const [figure, ...rest] = read(text);
    expect(rest).toEqual([]);
    expect(figure).toMatchObject({ kind: 'prisoners', value, approximate: false, by: 'Viasna', itemId: 7 });
  });

  it('marks "some 1400" and "около 1,4 тыс." approximate', () => {
    expect(brief('Some 1400 political prisoners remain behind bars.')).toEqual(['prisoners 1400 ~']);
    expect(brief('В стране остаётся около 1 200 политзаключённых.')).toEqual(['prisoners 1200 ~']);
    expect(brief('По данным правозащитников, в стране 1,4 тыс. политзаключенных.')).toEqual([
      'prisoners 1400 ~',
    ]);
    expect(brief('Za kratami jest prawie półtora tysiąca więźniów politycznych.')).toEqual([
      'prisoners 1500 ~',
    ]);
  });

  it('takes no bound: "more than a thousand", "больш за 1000", "ponad 1450"', () => {
    expect(read('More than a thousand political prisoners remain in jail.')).toEqual([]);
    expect(read('More than 1,100 political prisoners remain in jail.')).toEqual([]);
    expect(read('У краіне больш за 1000 палітвязняў.')).toEqual([]);
    expect(read('W więzieniach jest już ponad 1450 więźniów politycznych.')).toEqual([]);
    expect(read('At least 25 pensioners are among the political prisoners.')).toEqual([]);
  });

  it('takes the date the text gives, and the year from the item', () => {
    const [figure] = read('На 31 снежня ў турмах знаходзіліся 1 448 палітвязняў.', {
      publishedAt: '2026-01-04T10:00:00Z',
    });
    expect(figure).toMatchObject({
      value: 1448,
      date: '2025-12-31',
      datePrecision: 'day',
      dateFromText: true,
    });
  });

  it('quotes the sentence it read the figure from', () => {
    const text = 'Lukashenka met the envoy. Viasna counts 1,160 political prisoners. The talks went on.';
    const [figure] = read(text);
    expect(figure?.span).toEqual({
      field: 'text',
      start: 26,
      end: 66,
      quote: 'Viasna counts 1,160 political prisoners.',
    });
    expect(text.slice(figure?.span.start, figure?.span.end)).toBe(figure?.span.quote);
  });
});

describe('people released in one event', () => {
  it.each([
    ['en', 'Lukashenka pardoned 16 people convicted of protest-related crimes.', 16],
    ['en, after the noun', 'In all, 52 prisoners were released and crossed into Lithuania.', 52],
    ['ru', 'Лукашенко помиловал 16 человек, осуждённых по «экстремистским» статьям.', 16],
    ['uk', 'Лукашенко помилував 18 засуджених.', 18],
    ['be', 'У Беларусі вызвалілі 14 палітвязняў.', 14],
    ['pl', 'Reżim uwolnił 14 więźniów politycznych.', 14],
    ['de', 'Lukaschenko hat 30 politische Gefangene begnadigt.', 30],
    ['ro', 'Lukaşenko a graţiat miercuri 30 de deţinuţi politici.', 30],
    ['en, word', 'The president pardoned six political prisoners on Friday.', 6],
  ])('%s', (_language, text, value) => {
    expect(brief(text)).toEqual([`released ${value}`]);
  });

  it('leaves out the parts of the event: women, foreigners, "of whom", "including"', () => {
    expect(
      brief('Lukashenka pardoned 22 people, including 15 women, and 20 of them were convicted of extremism.'),
    ).toEqual(['released 22']);
    expect(brief('Released were 52 prisoners, among them 14 foreign nationals.')).toEqual(['released 52']);
    expect(read('One of the detainees was released on Monday.')).toEqual([]);
  });

  it('dates an event the text dates, even a month ("in September")', () => {
    const [dated] = read('On 11 September Lukashenka freed 52 prisoners.');
    expect(dated).toMatchObject({ value: 52, date: '2025-09-11', dateFromText: true });
    const [month] = read('В сентябре Лукашенко помиловал 52 заключённых.', {
      publishedAt: '2025-12-14T00:00:00Z',
    });
    expect(month).toMatchObject({ value: 52, date: '2025-09-01', datePrecision: 'month' });
  });

  it('reads one event once when the title restates the text', () => {
    const figures = read('On 11 September Lukashenka freed 52 prisoners.', {
      title: 'Belarus frees 52 prisoners',
    });
    expect(figures.map((f) => [f.value, f.date, f.span.field])).toEqual([[52, '2025-09-11', 'text']]);
  });
});

describe('persons and entities designated', () => {
  it('adds persons and entities, not aircraft, and names the authority', () => {
    const [figure, ...rest] = read(
      'Treasury designated 19 individuals, 14 entities and one aircraft pursuant to Executive Order 14038.',
    );
    expect(rest).toEqual([]);
    expect(figure).toMatchObject({
      kind: 'designations',
      value: 33,
      parts: { persons: 19, entities: 14 },
      by: 'US',
    });
  });

  it.each([
    ['en, named and others', 'The EU imposed sanctions on Lukashenka and 35 other officials.', 36, 'EU'],
    ['uk', 'ЄС запровадив санкції проти 29 осіб і 7 суб’єктів.', 36, 'EU'],
    ['ru', 'Канада внесла в санкционный список 13 физических лиц и две компании.', 15, 'Canada'],
    ['be', 'Вялікабрытанія ўвяла санкцыі супраць 17 чалавек.', 17, 'UK'],
    ['pl', 'UE nałożyła sankcje na 22 wysokich rangą białoruskich oficerów.', 22, 'EU'],
    ['it', 'Il Consiglio ha imposto sanzioni contro 38 persone e 3 entità.', 41, null],
    ['lt', 'Sankcijos įvestos 78 asmenims ir 8 subjektams.', 86, null],
  ])('%s', (_language, text, value, by) => {
    const [figure, ...rest] = read(text);
    expect(rest).toEqual([]);
    expect(figure).toMatchObject({ kind: 'designations', value, by });
  });

  it('takes neither the size of a list, nor a renewal, nor a lifting', () => {
    expect(read('The EU extended sanctions on 233 individuals for another year.')).toEqual([]);
    expect(read('Under EU sanctions there are now 312 citizens of Belarus and 57 legal entities.')).toEqual(
      [],
    );
    expect(read('Washington lifted sanctions on 3 companies, including Belaruskali.')).toEqual([]);
  });

  it('knows a designation from an arrest in a sanctions story', () => {
    expect(read('Police arrested two people for evading sanctions on potash.')).toEqual([]);
    expect(read('Prosecutors charged five Russian nationals with evading U.S. sanctions.')).toEqual([]);
  });

  it('trusts "added to the list" only when the item speaks of sanctions', () => {
    expect(brief('The UK added 8 officials to the list.', { title: 'New sanctions on Belarus' })).toEqual([
      'designations 8',
    ]);
    expect(read('The ministry added 8 officials to the list of speakers.')).toEqual([]);
  });
});

describe('numbers that count nothing here', () => {
  it.each([
    'Sanctions now cover 20% of the exports.',
    'He was sentenced to 12 years; his 22-year-old son to 3 years.',
    'Iran assets worth $6 billion were frozen.',
    'The rally on 25 March gathered people from 2020 onwards.',
    'Колония № 2 приняла 120 дел политзаключённых.',
    'Вясна 2025 года прыйшла рана, і 30 чалавек выйшлі ў поле.',
    'Between 250-255 political prisoners come from the Brest region.',
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });
});
