/**
 * What stays true whatever the vocabularies and weights are: every label has evidence, and the
 * evidence is words of the item; a label's score never falls when more of its evidence is added;
 * writing Belarusian in Łacinka instead of Cyrillic, or the same text in decomposed Unicode,
 * changes no label. Checked on the seed documents, on the shared dev set (read at run time) and
 * on items written here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, defaultItemAnalyser, defaultTopicsClassifier } from '../../../src/classify/classify.js';
import { seedsPath } from '../../../src/paths.js';
import { sharedDir } from '../../helpers/services.js';

interface Sample {
  id: string;
  title: string;
  text: string;
}

const written: Sample[] = [
  {
    id: 'w1',
    title: 'EU adds Belarusian judges to its sanctions list',
    text: 'The Council of the EU froze the assets of twelve judges who sentenced opposition activists. The foreign ministers said the measures answer the repression.',
  },
  {
    id: 'w2',
    title: 'Суд асудзіў журналістку на тры гады',
    text: 'Праваабаронцы «Вясны» паведамілі, што журналістку затрымалі ў красавіку. Яе прызналі палітвязнем.',
  },
  {
    id: 'w3',
    title: 'Лукашэнка сустрэўся з паслом Кітая',
    text: 'Бакі абмеркавалі супрацоўніцтва і падрыхтоўку візіту дэлегацыі ў Пекін. Міністр замежных спраў удзельнічаў у перамовах.',
  },
];

const seedDocuments: Sample[] = readdirSync(seedsPath('documents'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ id: name, title: '', text: readFileSync(seedsPath('documents', name), 'utf8') }));

const devSet: Sample[] = readFileSync(`${sharedDir}eval/classify-dev.jsonl`, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Sample);

const samples = [...written, ...seedDocuments, ...devSet];

/** Belarusian Cyrillic in Łacinka (the classical Latin alphabet): what a writer in Łacinka would type. */
const LACINKA: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  ж: 'ž',
  з: 'z',
  й: 'j',
  к: 'k',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'ŭ',
  ф: 'f',
  х: 'ch',
  ц: 'c',
  ч: 'č',
  ш: 'š',
  ы: 'y',
  э: 'e',
  і: 'i',
  ь: '',
  '’': '',
  "'": '',
};
const IOTATED: Record<string, string> = { е: 'e', ё: 'o', ю: 'u', я: 'a' };
const VOWELS = "аеёіоуыэюяўь’' ";

function toLacinka(text: string): string {
  let out = '';
  const chars = [...text];
  chars.forEach((original, index) => {
    const lower = original.toLowerCase();
    const upper = original !== lower;
    const previous = (chars[index - 1] ?? ' ').toLowerCase();
    let latin: string;
    if (IOTATED[lower] !== undefined) {
      // After a consonant the vowel softens it (ня → nia, ле → le); elsewhere it is j + vowel.
      const afterConsonant = /\p{L}/u.test(previous) && !VOWELS.includes(previous);
      latin =
        previous === 'л' ? (IOTATED[lower] as string) : `${afterConsonant ? 'i' : 'j'}${IOTATED[lower]}`;
    } else if (lower === 'л') {
      const next = (chars[index + 1] ?? '').toLowerCase();
      latin = next === 'ь' || 'еёюяі'.includes(next) ? 'l' : 'ł';
    } else latin = LACINKA[lower] ?? lower;
    out += upper && latin.length > 0 ? latin[0]?.toUpperCase() + latin.slice(1) : latin;
  });
  return out;
}

describe('classifier invariants', () => {
  it('gives a label only with evidence, and evidence names words of the item', () => {
    for (const sample of samples) {
      const result = classify({ title: sample.title, text: sample.text });
      for (const label of result.labels) {
        expect(
          result.evidence.some((entry) => entry.label === label),
          `${sample.id} ${label}`,
        ).toBe(true);
        expect(result.scores[label], `${sample.id} ${label}`).toBeGreaterThanOrEqual(0.5);
      }
      for (const entry of result.evidence) {
        expect(result.labels).toContain(entry.label);
        expect(entry.field === 'title' ? sample.title : sample.text, sample.id).toContain(entry.term);
      }
    }
  });

  it('never lowers a label’s score when more of its evidence is added', () => {
    const classifier = defaultTopicsClassifier();
    for (const sample of samples) {
      const explained = classifier.explain({ title: sample.title, text: sample.text });
      const language = explained.language;
      for (const label of explained.classification.labels) {
        const term = explained.classification.evidence.find((entry) => entry.label === label)?.term as string;
        // Into the head: the title, or the first sentence when there is none.
        const more =
          sample.title !== ''
            ? { title: `${sample.title} ${term}`, text: sample.text }
            : { title: '', text: `${term} ${sample.text}` };
        const before =
          classifier.classify({ title: sample.title, text: sample.text, language }).scores[label] ?? 0;
        const after = classifier.classify({ ...more, language }).scores[label] ?? 0;
        expect(after, `${sample.id} ${label} + "${term}"`).toBeGreaterThanOrEqual(before);
      }
    }
  });

  it('keeps every weight of a label’s own evidence at zero or above', () => {
    const space = defaultItemAnalyser().space;
    const weights = JSON.parse(readFileSync(seedsPath('classifier', 'weights.json'), 'utf8')) as {
      labels: Record<string, { weights: Record<string, number> }>;
    };
    space.labels.forEach((label, index) => {
      const signs = space.signs[index] as Int8Array;
      for (const [feature, weight] of Object.entries(weights.labels[label]?.weights ?? {})) {
        const sign = signs[space.names.indexOf(feature)] as number;
        if (sign > 0) expect(weight, `${label} ${feature}`).toBeGreaterThanOrEqual(0);
        if (sign < 0) expect(weight, `${label} ${feature}`).toBeLessThanOrEqual(0);
      }
    });
  });

  it('labels Belarusian the same in Cyrillic and in Łacinka', () => {
    const belarusian = [
      ...written.filter((sample) => sample.id !== 'w1'),
      ...devSet.filter((sample) => /[ўі]/.test(sample.text) && /[ыэ]/.test(sample.text)),
    ];
    expect(belarusian.length).toBeGreaterThan(2);
    for (const sample of belarusian) {
      const cyrillic = classify({ title: sample.title, text: sample.text }).labels;
      const latin = classify({ title: toLacinka(sample.title), text: toLacinka(sample.text) }).labels;
      expect(latin, `${sample.id}: ${toLacinka(sample.title)}`).toEqual(cyrillic);
    }
  });

  it('labels text in decomposed Unicode (NFD) as in composed (NFC)', () => {
    for (const sample of samples) {
      const composed = classify({ title: sample.title, text: sample.text }).labels;
      const decomposed = classify({
        title: sample.title.normalize('NFD'),
        text: sample.text.normalize('NFD'),
      }).labels;
      expect(decomposed, sample.id).toEqual(composed);
    }
  });
});
