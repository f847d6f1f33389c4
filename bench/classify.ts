/**
 * Classifier throughput on 1.5 KB news items in eleven languages: `classify()` as `vigil classify`
 * runs it (the language found from the text) and as ingest runs it (the item's language already
 * known from feed normalisation). One thread, so items/s is items/s per core.
 *
 * `npm run bench -- classify [--quick]`: 20,000 items, best of 3 runs (quick: 3,000, best of 2).
 * The texts are written for this benchmark; none comes from the evaluation sets.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { classify } from '../src/classify/classify.js';
import { printResult } from './_machine.js';

const quick = process.argv.includes('--quick');
const ITEMS = quick ? 3_000 : 20_000;
const RUNS = quick ? 2 : 3;
const ITEM_CHARS = 1_500;

/** Per language: a title and paragraphs (on the topics, and beside them), joined into items. */
const TEXTS: Record<string, { title: string; paragraphs: string[] }> = {
  en: {
    title: 'Minsk court jails a second reporter as Brussels weighs new restrictions',
    paragraphs: [
      'A regional court sentenced the editor of a local newspaper to four years in a penal colony on Tuesday, his lawyer said.',
      'The European Union is preparing another package of restrictive measures aimed at state banks and the potash trade.',
      'Weather forecasters expect a warm end of the week, with temperatures up to twenty degrees in the south.',
      'The foreign minister received the new ambassador of Hungary and discussed transit through the border crossings.',
      'Local football clubs complained that the league had not paid the prize money for last season.',
    ],
  },
  ru: {
    title: 'Суд в Гомеле приговорил блогера к трём годам колонии',
    paragraphs: [
      'Правозащитники сообщили, что блогера задержали в марте после публикации видео о протестах.',
      'Евросоюз продлил санкции против белорусских предприятий ещё на год, говорится в решении Совета ЕС.',
      'Министр иностранных дел встретился с послом Китая и обсудил расширение торговли.',
      'Синоптики обещают дожди и похолодание до плюс пяти градусов в выходные.',
      'В Минске открылась выставка современного искусства, она продлится до конца месяца.',
    ],
  },
  uk: {
    title: 'Суд у Мінську засудив журналістку до шести років позбавлення волі',
    paragraphs: [
      'Правозахисники визнали журналістку політв’язнем, її затримали ще восени минулого року.',
      'США зняли санкції з національного авіаперевізника після звільнення групи політичних в’язнів.',
      'Посол Литви повернувся до Мінська, сторони домовилися продовжити переговори.',
      'На вихідних очікується сонячна погода без опадів.',
    ],
  },
  be: {
    title: 'Суд асудзіў актывіста на пяць гадоў калоніі',
    paragraphs: [
      'Праваабаронцы «Вясны» паведамілі, што актывіста затрымалі пасля ператрусу ў кватэры.',
      'Еўрасаюз увёў новыя санкцыі супраць беларускіх чыноўнікаў і дзяржаўных кампаній.',
      'Міністр замежных спраў сустрэўся з амбасадарам Кітая і абмеркаваў супрацоўніцтва.',
      'Вясной у парку зацвілі першыя кветкі, паведамляюць сінаптыкі.',
    ],
  },
  pl: {
    title: 'Białoruski sąd skazał dziennikarza na osiem lat kolonii karnej',
    paragraphs: [
      'Dziennikarz został zatrzymany w zeszłym roku, a obrońcy praw człowieka uznali go za więźnia politycznego.',
      'Unia Europejska nałożyła nowe sankcje na białoruskie banki i przedsiębiorstwa państwowe.',
      'Minister spraw zagranicznych spotkał się z ambasadorem Litwy, rozmowy dotyczyły granicy.',
      'W weekend w Warszawie odbędzie się festiwal filmowy.',
    ],
  },
  lt: {
    title: 'Baltarusijos teismas nuteisė žurnalistą kalėti šešerius metus',
    paragraphs: [
      'Žmogaus teisių gynėjai pripažino žurnalistą politiniu kaliniu, jis buvo sulaikytas pernai.',
      'Europos Sąjunga pratęsė sankcijas Baltarusijos įmonėms dar vieneriems metams.',
      'Užsienio reikalų ministras susitiko su Lenkijos ambasadoriumi ir aptarė pasienio klausimus.',
    ],
  },
  de: {
    title: 'Gericht in Minsk verurteilt Oppositionellen zu sieben Jahren Lagerhaft',
    paragraphs: [
      'Menschenrechtler berichten, der Oppositionelle sei nach einer Durchsuchung festgenommen worden.',
      'Die EU verlängerte die Sanktionen gegen belarussische Staatsbanken um ein weiteres Jahr.',
      'Der Außenminister empfing den neuen Botschafter Chinas zu Gesprächen über den Handel.',
      'Am Wochenende wird sonniges Wetter erwartet.',
    ],
  },
  fr: {
    title: 'Un tribunal de Minsk condamne une militante à cinq ans de prison',
    paragraphs: [
      'Selon les défenseurs des droits, la militante avait été arrêtée après une perquisition.',
      "L'Union européenne a prolongé les sanctions contre les banques publiques biélorusses.",
      'Le ministre des Affaires étrangères a reçu le nouvel ambassadeur de Chine.',
    ],
  },
  es: {
    title: 'Un tribunal bielorruso condena a un periodista a seis años de prisión',
    paragraphs: [
      'Los defensores de derechos humanos informaron de que el periodista fue detenido en su casa.',
      'La Unión Europea prorrogó las sanciones contra los bancos estatales de Bielorrusia.',
      'El ministro de Asuntos Exteriores se reunió con el embajador de China.',
    ],
  },
  cs: {
    title: 'Běloruský soud odsoudil novináře k šesti letům vězení',
    paragraphs: [
      'Obránci lidských práv uvedli, že novinář byl zatčen po domovní prohlídce.',
      'Evropská unie prodloužila sankce proti běloruským státním bankám.',
      'Ministr zahraničí přijal nového velvyslance Číny.',
    ],
  },
  tr: {
    title: 'Belarus mahkemesi gazeteciye altı yıl hapis cezası verdi',
    paragraphs: [
      'İnsan hakları savunucuları gazetecinin evinde yapılan aramanın ardından gözaltına alındığını bildirdi.',
      'Avrupa Birliği Belarus devlet bankalarına yönelik yaptırımları bir yıl daha uzattı.',
      'Dışişleri Bakanı Çin büyükelçisini kabul etti.',
    ],
  },
};

interface Item {
  title: string;
  text: string;
  language: string;
}

/** Items of about ITEM_CHARS characters, each in one language, paragraphs rotated so items differ. */
function makeItems(count: number): Item[] {
  const languages = Object.keys(TEXTS);
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const language = languages[i % languages.length] as string;
    const { title, paragraphs } = TEXTS[language] as { title: string; paragraphs: string[] };
    const parts: string[] = [];
    let length = title.length;
    for (let k = 0; length < ITEM_CHARS; k++) {
      const paragraph = `${paragraphs[(i + k) % paragraphs.length]} (${i}-${k})`;
      parts.push(paragraph);
      length += paragraph.length + 2;
    }
    items.push({
      title: `${title} ${i}`,
      text: parts.join('\n\n').slice(0, ITEM_CHARS - title.length),
      language,
    });
  }
  return items;
}

/**
 * Best run by CPU time of this process (what one core spent, whatever else the machine runs) and
 * by wall time.
 */
function measure(
  items: readonly Item[],
  withHint: boolean,
): { bestMs: number; bestWallMs: number; labelled: number } {
  let bestMs = Number.POSITIVE_INFINITY;
  let bestWallMs = Number.POSITIVE_INFINITY;
  let labelled = 0;
  for (let run = 0; run < RUNS; run++) {
    labelled = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (const item of items) {
      const input = withHint
        ? { title: item.title, text: item.text, language: item.language }
        : { title: item.title, text: item.text };
      if (classify(input).labels.length > 0) labelled++;
    }
    bestWallMs = Math.min(bestWallMs, performance.now() - started);
    const used = process.cpuUsage(cpu);
    bestMs = Math.min(bestMs, (used.user + used.system) / 1000);
  }
  return { bestMs, bestWallMs, labelled };
}

const items = makeItems(ITEMS);
const averageChars = Math.round(
  items.reduce((sum, item) => sum + item.title.length + item.text.length, 0) / items.length,
);
const loadBefore = loadavg()[0] ?? 0;
// Warm up: load the data, the language detector and the memo tables, let the JIT settle.
measure(items.slice(0, 2_000), false);
const detected = measure(items, false);
const hinted = measure(items, true);
const loadAfter = loadavg()[0] ?? 0;
const rate = (ms: number) => Math.round(items.length / (ms / 1000));

const rows = [
  ['mode', 'items', 'CPU ms', 'items/s per core', 'wall ms', 'items/s wall', 'labelled'],
  ...[
    ['language from the text (vigil classify)', detected] as const,
    ['language known (ingest)', hinted] as const,
  ].map(([mode, result]) => [
    mode,
    String(items.length),
    result.bestMs.toFixed(0),
    String(rate(result.bestMs)),
    result.bestWallMs.toFixed(0),
    String(rate(result.bestWallMs)),
    String(result.labelled),
  ]),
];
const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
for (const row of rows)
  process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}\n`);
process.stdout.write(
  `${Object.keys(TEXTS).length} languages, ${averageChars} characters an item on average, best of ${RUNS} runs; load ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after\n`,
);
printResult('classify', {
  items: items.length,
  averageChars,
  runs: RUNS,
  itemsPerSecondPerCore: rate(detected.bestMs),
  itemsPerSecondPerCoreLanguageKnown: rate(hinted.bestMs),
  itemsPerSecondWall: rate(detected.bestWallMs),
  measured: 'classify() in one thread; per core = items / CPU seconds of the process',
});
