/**
 * Golden output of the classifier and the text path, to keep speed work from changing behaviour.
 * The topics are a frozen copy (golden/topics), so edits to seeds/topics do not move this file:
 * it pins the code, not the data. Rewrite with `WRITE_GOLDEN=1 npx vitest run <this file>` (then
 * `npx biome format --write test/unit/classify/golden`) only when a change of output is intended.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createClassifier, loadTopics } from '../../../src/classify/classify.js';
import { indexText } from '../../../src/corpus/index-tokens.js';
import { contentHash } from '../../../src/feeds/content-hash.js';
import { parseFeed } from '../../../src/feeds/parse-feed.js';
import { seedsPath } from '../../../src/paths.js';
import { detectLanguage } from '../../../src/text/detect-language.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenFile = path.join(here, 'golden', 'classify-golden.json');
const classifier = createClassifier(loadTopics(path.join(here, 'golden', 'topics')));

/** The bench's paragraphs (bench/ingest.ts) plus edge cases of the tokenizer and the context rules. */
const PARAGRAPHS = [
  'The European Union extended sanctions against Belaruskali and the potash sector on Tuesday, citing continued repression.',
  'Правозащитный центр «Вясна» сообщил, что в Беларуси остаются 1226 политических заключённых, в том числе журналисты.',
  'Spokesman said Washington will close the loopholes in the sanctions packages and seek the release of all political prisoners.',
  'Дипломаты обсудили в Вильнюсе возможное смягчение санкций в обмен на освобождение политзаключённых.',
  'Siarhiej Cichanoŭski and 13 other prisoners were released on June 21 after a meeting with the US special envoy.',
  'Not a sanctions story: the "Sanctions" band played; no prisoners, don\'t worry. Політв\'язні — «палітвязні»: 𝐀𝐁 e\u0301 ﬁ ² İ.',
  'Sankcje wobec Białorusi. Łukašenka i Cichanoŭskaja; sankcijos Baltarusijai. US, ЕС, G7 and the OSCE met in Vienna.',
];

interface Input {
  id: string;
  title: string;
  text: string;
}

async function inputs(): Promise<Input[]> {
  const list: Input[] = [];
  for (let i = 0; i < 12; i++) {
    const text = Array.from({ length: 5 }, (_, k) => PARAGRAPHS[(i * 3 + k) % PARAGRAPHS.length]).join('\n');
    list.push({ id: `paragraphs-${i}`, title: PARAGRAPHS[(i + 4) % PARAGRAPHS.length] ?? '', text });
  }
  const documents = seedsPath('documents');
  for (const file of readdirSync(documents)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(path.join(documents, file), 'utf8');
    list.push({ id: `document ${file}`, title: '', text });
  }
  const feeds = seedsPath('feeds');
  for (const file of readdirSync(feeds)
    .filter((name) => name.endsWith('.xml'))
    .sort()) {
    const feed = await parseFeed(readFileSync(path.join(feeds, file), 'utf8'), {
      url: null,
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    feed.items.forEach((item, index) => {
      list.push({ id: `feed ${file} #${index}`, title: item.title, text: item.text });
    });
  }
  return list;
}

async function outputs(): Promise<unknown[]> {
  return (await inputs()).map((input) => {
    const { classification, raw, matches } = classifier.explain(input);
    return {
      id: input.id,
      classification,
      raw,
      matches: matches.map((m) => [m.label, m.termId, m.field, m.start, m.end, m.pattern, m.dropped]),
      language: detectLanguage(`${input.title}\n${input.text}`),
      index: indexText(input.title, input.text),
      contentHash: contentHash(input.title, input.text),
    };
  });
}

describe('classifier golden output (frozen topics)', () => {
  it('matches golden/classify-golden.json', async () => {
    const actual = await outputs();
    if (process.env.WRITE_GOLDEN === '1') writeFileSync(goldenFile, `${JSON.stringify(actual, null, 1)}\n`);
    const expected = JSON.parse(readFileSync(goldenFile, 'utf8')) as unknown[];
    expect(actual.length).toBe(expected.length);
    for (const [index, entry] of actual.entries()) expect(entry).toEqual(expected[index]);
  });

  it('classify() agrees with explain()', async () => {
    for (const input of await inputs()) {
      expect(classifier.classify(input)).toEqual(classifier.explain(input).classification);
    }
  });
});
