/** The sound-alike name key: every spelling of a name meets, different names stay apart. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../src/text/name-key.js';

/** Spellings from seeds/documents/README.md, issue 14 and the eval items. */
const SAME_NAME = [
  [
    'Lukashenka',
    'Lukashenko',
    'Łukašenka',
    'Лукашенко',
    'Лукашэнка',
    'Łukaszenka',
    'Lukašenka',
    'Lukasenka',
    'Лукашенкі',
    'Łukaszenki',
    'Lukašenkos',
    'Лукашенком',
    'Lukaschenko',
    'Lukasjenko',
    'Lukashenk',
  ],
  [
    'Tsikhanouskaya',
    'Ціханоўская',
    'Cichanoŭskaja',
    'Тихановская',
    'Tikhanovskaya',
    'Cichanouska',
    'Tsikhanovskaya',
    'Tichanovskaja',
    'Tihanovskaia',
    'Cichanouskaja',
    'Tsikhanouski',
    'Тихановский',
    'Cichanoŭski',
    'Tsikhanovsky',
  ],
  ['Sviatlana', 'Svetlana', 'Swiatłana', 'Святлана', 'Светлана', 'Śviatłana', 'Svjatlana'],
  ['Trump', 'Трамп', 'Tramp', 'Трампа'],
  ['Bialiatski', 'Бяляцкі', 'Беляцкий', 'Białacki', 'Bialacki', 'Bialiackі', 'Biaľacký', 'Bjaljacki'],
  ['Kalesnikava', 'Калеснікава', 'Колесникова', 'Kolesnikova', 'Kalesnikawa', 'Kolesnikowa', 'Калесникова'],
  [
    'Pratasevich',
    'Пратасевіч',
    'Протасевич',
    'Protasevich',
    'Pratasiewicz',
    'Protasiewicz',
    'Pratasevič',
    'Protasevitsj',
  ],
  ['Poczobut', 'Почобут', 'Pochobut', 'Pačobut', 'Пачобут'],
  ['Makei', 'Макей', 'Makey', 'Makiej', 'Makej', 'Макея'],
  ['Viasna', 'Вясна', 'Wiasna', 'Весна', 'Vjasna'],
  ['Belaruskali', 'Беларуськалий', 'Белоруськалий', 'Biełaruśkalij', 'Білоруськалій'],
  ['Hrodna', 'Гродно', 'Grodno', 'Гродна', 'Hrodno'],
  ['Kellogg', 'Келлог', 'Kellog', 'Келлога'],
  ['Coale', 'Коул', 'Коула'],
  ['Lavrov', 'Лавров', 'Лаўроў', 'Ławrow', 'Lawrow'],
  ['Andrzej', 'Анджей', 'Анджэй'],
  ['Statkevich', 'Статкевіч', 'Статкевич', 'Statkiewicz', 'Statkevič'],
  ['Babaryka', 'Бабарыка', 'Бабарико', 'Babarika'],
  ['Chultsova', 'Чульцова', 'Чульцовай', 'Čulcova'],
];

const DIFFERENT = [
  'Lukashenka',
  'Lukashevich',
  'Tsikhanouskaya',
  'Bialiatski',
  'Belsat',
  'Belstat',
  'Kalesnikava',
  'Kolesnik',
  'Lavrov',
  'Lavrenov',
  'Makei',
  'Maksim',
  'Minsk',
  'Pinsk',
  'Grodno',
  'Guardian',
  'Putin',
  'Pushkin',
  'Trump',
  'Truman',
  'Viasna',
  'Vesnin',
  'Poczobut',
  'Protasevich',
  'Kellogg',
  'Coale',
];

describe('nameKey', () => {
  it('gives every spelling of one name the same key', () => {
    for (const group of SAME_NAME) {
      const keys = group.map((word) => `${word}:${nameKey(word)}`);
      const first = nameKey(group[0] as string);
      expect(keys).toEqual(group.map((word) => `${word}:${first}`));
    }
  });

  it('keeps different names apart', () => {
    const keys = DIFFERENT.map(nameKey);
    expect(new Set(keys).size).toBe(DIFFERENT.length);
    const groupKeys = SAME_NAME.map((group) => nameKey(group[0] as string));
    expect(new Set(groupKeys).size).toBe(SAME_NAME.length);
  });

  it('folds the spelling families the issue names', () => {
    expect(nameKey('Cherkasov')).toBe(nameKey('Czerkasow'));
    expect(nameKey('Czerkasow')).toBe(nameKey('Čerkasov'));
    expect(nameKey('Khrenin')).toBe(nameKey('Хренин'));
    expect(nameKey('Хренін')).toBe(nameKey('Hrenin'));
    expect(nameKey('Shushkevich')).toBe(nameKey('Szuszkiewicz'));
    expect(nameKey('Szuszkiewicz')).toBe(nameKey('Šuškievič'));
    expect(nameKey('Zhdanovich')).toBe(nameKey('Żdanowicz'));
    expect(nameKey('Tsepkalo')).toBe(nameKey('Цапкала'));
    expect(nameKey('Цапкала')).toBe(nameKey('Capkała'));
    expect(nameKey('Dzmitry')).toBe(nameKey('Дмитрий'));
  });

  it('is empty only for words without letters', () => {
    expect(nameKey('2020')).toBe('');
    expect(nameKey('—')).toBe('');
    expect(nameKey('Ян')).not.toBe('');
  });

  it('ignores case, soft signs and doubled letters (property)', () => {
    const cyrillicName = fc.stringMatching(/^[а-яіў]{2,12}$/);
    fc.assert(
      fc.property(cyrillicName, (word) => {
        const key = nameKey(word);
        expect(key).toMatch(/^[a-z]+$/);
        expect(nameKey(word.toUpperCase())).toBe(key);
        expect(nameKey(word.replaceAll('ь', ''))).toBe(nameKey(word));
      }),
    );
    const latinName = fc.stringMatching(/^[bdfklmnprstv][aeiou][bdfklmnprstv]{1,2}[aeiou][klmnprst]$/);
    fc.assert(
      fc.property(latinName, fc.nat(4), (word, at) => {
        const doubled = word.slice(0, at + 1) + word.slice(at);
        if (/[aeiou]/.test(word[at] as string)) return;
        expect(nameKey(doubled)).toBe(nameKey(word));
      }),
      { numRuns: 1000 },
    );
    expect(nameKey('Batssa')).toBe(nameKey('Batsa'));
  });
});
