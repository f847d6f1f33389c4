/** Story pairs for the signature tests and the store contract: one story in two languages, and two different stories. */
import { readFileSync } from 'node:fs';

const seed004 = readFileSync(
  new URL('../../../seeds/documents/004_b1efe3b7a7b55582.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

const line = (index: number) => seed004[index] ?? '';

export interface StoryText {
  title: string;
  text: string;
}

/** Seed 004 carries one story twice: its Ukrainian headline and lead, then a Russian headline over the retold text. */
export const seedUkrainian: StoryText = { title: line(2), text: line(3) };
export const seedRussian: StoryText = { title: line(4), text: seed004.slice(5).join('\n\n') };

export const englishRelease: StoryText = {
  title: 'Belarus frees 16 political prisoners after talks with US envoy',
  text:
    'Alyaksandr Lukashenka pardoned 16 political prisoners on Wednesday, including journalist Ihar Losik, after a ' +
    'visit by US special envoy Keith Kellogg to Minsk. Sviatlana Tsikhanouskaya welcomed the release from Vilnius. ' +
    'According to Viasna, 1,160 political prisoners remain behind bars.',
};

export const lacinkaRelease: StoryText = {
  title: 'Łukašenka vyzvaliŭ 16 palitviaźniaŭ pasla sustrečy z amierykanskim emisaram',
  text:
    'Pasla vizitu ŭ Minsk specyjalnaha pasłanca ZŠA Keith Kellogg Łukašenka pamilavaŭ 16 palitviaźniaŭ, siarod ich ' +
    'žurnalist Ihar Losik. Śviatłana Cichanoŭskaja pryvitała vyzvaleńnie z Vilni. Pavodle Viasny, za kratami ' +
    'zastajucca 1 160 palitviaźniaŭ.',
};

/** Two sanctions stories of one day: different bodies, figures and targets. */
export const euSanctions: StoryText = {
  title: 'EU extends sanctions against Belaruskali and potash exports',
  text:
    'The European Union on Monday extended sanctions against Belaruskali and banned potash imports for another year, ' +
    'the Council said. 25 individuals and 7 companies were added, including officials of the KGB.',
};

export const usSanctions: StoryText = {
  title: 'US Treasury sanctions 19 individuals and 14 entities in Belarus',
  text:
    'The US Treasury Department on Monday imposed sanctions on 19 individuals, 14 entities and one aircraft under ' +
    'Executive Order 14038, targeting the KGB and Belaruskali suppliers. OFAC said the measures mark the anniversary ' +
    'of the 2020 election.',
};

/** Shares the US Treasury and OFAC with `usSanctions`, but is another event with other figures. */
export const usSanctionsLifted: StoryText = {
  title: 'US lifts sanctions on Belavia after release of 52 prisoners',
  text:
    'The US Treasury lifted sanctions on the state airline Belavia on Thursday after Minsk freed 52 political ' +
    'prisoners, OFAC said. The decision covers 3 aircraft.',
};
