/**
 * The alias table: people, places and bodies these texts name, in their many spellings, each
 * mapped to one canonical key (Лукашенко, Lukashenka, Łukašenka → `lukashenka`).
 */
import { foldWord } from './fold.js';

/**
 * canonical key → spellings. `Name*` matches the folded stem plus a short case ending (up to
 * `MAX_ENDING` letters: Лукашенкові, Łukašenkos), a bare spelling matches only that word.
 */
const ALIASES: Record<string, string[]> = {
  // People
  lukashenka: [
    'Лукашенк*',
    'Лукашэнк*',
    'Lukashenk*',
    'Łukašenk*',
    'Lukašenk*',
    'Łukaszenk*',
    'Łukaszenc*',
    'Lukasenk*',
  ],
  tsikhanouskaya: [
    'Ціханоўск*',
    'Тихановск*',
    'Тихановськ*',
    'Cichanoŭsk*',
    'Cichanousk*',
    'Tsikhanousk*',
    'Tikhanovsk*',
    'Tsikhanovsk*',
    'Cichanowsk*',
    'Tichanovsk*',
    'Cichanovsk*',
    'Tsichanousk*',
  ],
  bialiatski: [
    'Бяляцк*',
    'Беляцк*',
    'Біляцьк*',
    'Bialiatsk*',
    'Bialiack*',
    'Białack*',
    'Bialack*',
    'Byalyatsk*',
    'Bialiatsk*',
    'Bialiack*',
  ],
  kalesnikava: [
    'Калеснікав*',
    'Колесников*',
    'Колеснікова*',
    'Kalesnikav*',
    'Kalesnikaw*',
    'Kolesnikov*',
    'Kolesnikow*',
  ],
  pratasevich: ['Пратасевіч*', 'Протасевич*', 'Pratasevich*', 'Protasevich*', 'Pratasiewicz*', 'Pratasevič*'],
  babaryka: ['Бабарык*', 'Бабарик*', 'Babaryk*', 'Babarik*'],
  latushka: ['Латушк*', 'Latushk*', 'Latušk*', 'Łatuszk*', 'Latuszk*'],
  makei: ['Макей', 'Макея', 'Макею', 'Макеем', 'Макеі', 'Makei', 'Makey', 'Makiej', 'Makiejem', 'Makieja'],
  lavrov: ['Лавров*', 'Лаўров*', 'Лаўроў', 'Lavrov*', 'Ławrow*', 'Lawrow*'],
  poczobut: ['Почобут*', 'Пачобут*', 'Poczobut*', 'Pochobut*', 'Pačobut*'],
  ryzhenkov: ['Рыженков*', 'Рыжанкоў', 'Рыжанков*', 'Ryzhenkov*', 'Ryżenkow*', 'Ryžankoŭ'],
  aleinik: ['Алейник*', 'Алейнік*', 'Aleinik*', 'Alejnik*', 'Aliejnik*'],
  putin: ['Путин*', 'Путін*', 'Пуцін*', 'Putin*', 'Pucin*'],
  viasna: ['Вясн*', 'Viasn*', 'Wiasn*'],
  // Places
  belarus: [
    'Беларус*',
    'Белорусси*',
    'Білорус*',
    'Biełaruś*',
    'Bielarus*',
    'Białoru*',
    'Belarus*',
    'Baltarusij*',
    'Byelorussi*',
    'Bjelorus*',
    'Belorusij*',
  ],
  minsk: ['Минск*', 'Мінск*', 'Minsk*', 'Mińsk*', 'Minsko', 'Minskas', 'Minske'],
  hrodna: ['Гродн*', 'Hrodn*', 'Grodn*', 'Гародн*', 'Harodn*'],
  homiel: ['Гомел*', 'Homiel*', 'Homel*', 'Gomel*', 'Homl*'],
  mahilyow: [
    'Магілё*',
    'Могилев*',
    'Могильов*',
    'Mahiloŭ*',
    'Mahilyow*',
    'Mogilev*',
    'Mohylew*',
    'Mahilioŭ*',
  ],
  viciebsk: ['Віцебск*', 'Витебск*', 'Вітебськ*', 'Viciebsk*', 'Vitebsk*', 'Witebsk*', 'Vitsebsk*'],
  brest: ['Брэст*', 'Брест*', 'Brest*', 'Brześć', 'Brzesc*'],
  vilnius: ['Вильнюс*', 'Вільнюс*', 'Vilnius*', 'Wilno', 'Wilna', 'Wilnie', 'Vilniaus', 'Vilniuje'],
  moscow: ['Москв*', 'Маскв*', 'Moscow', 'Moskw*', 'Maskv*', 'Moskv*', 'Maskw*'],
  kyiv: ['Київ*', 'Києв*', 'Киев*', 'Кіеў', 'Кіев*', 'Kyiv', 'Kiev', 'Kijów', 'Kijow*', 'Kijev*', 'Kyjiv*'],
  warsaw: ['Варшав*', 'Warsaw', 'Warszaw*', 'Varšuv*', 'Varšav*', 'Varszav*'],
  washington: ['Вашингтон*', 'Вашынгтон*', 'Washington*', 'Waszyngton*', 'Vašington*'],
  // Bodies
  kgb: ['КГБ', 'КДБ', 'KGB', 'KDB'],
  eu: ['ЕС', 'ЄС', 'ЕЗ', 'Евросоюз*', 'Євросоюз*', 'Еўрасаюз*', 'Эўразьвяз*', 'UE', 'ES', 'EU'],
  usa: ['США', 'ЗША', 'USA', 'JAV'],
  un: ['ООН', 'ААН', 'ONZ', 'JTO', 'UN'],
  osce: ['ОБСЕ', 'ОБСЄ', 'АБСЕ', 'OSCE', 'OBWE', 'ESBO'],
  belaruskali: [
    'Беларуськал*',
    'Белоруськал*',
    'Біларуськал*',
    'Belaruskal*',
    'Biełaruśkal*',
    'Białoruśkal*',
  ],
  ofac: ['OFAC'],
};

/** Longest case ending a `Name*` spelling may carry. */
const MAX_ENDING = 4;

interface StemAlias {
  stem: string;
  canonical: string;
}

const exactAliases = new Map<string, string>();
/** Stem aliases by the first four folded letters, for a quick candidate lookup. */
const stemAliases = new Map<string, StemAlias[]>();
const BUCKET = 4;

for (const [canonical, spellings] of Object.entries(ALIASES)) {
  exactAliases.set(canonical, canonical);
  for (const spelling of spellings) {
    if (spelling.endsWith('*')) {
      const stem = foldWord(spelling.slice(0, -1));
      const bucket = stem.slice(0, BUCKET);
      const list = stemAliases.get(bucket) ?? [];
      list.push({ stem, canonical });
      stemAliases.set(bucket, list);
    } else {
      exactAliases.set(foldWord(spelling), canonical);
    }
  }
}

/** The canonical key for a folded word when it names a known person, place or body, else null. */
export function aliasFor(folded: string): string | null {
  const exact = exactAliases.get(folded);
  if (exact !== undefined) return exact;
  const candidates = stemAliases.get(folded.slice(0, BUCKET));
  if (candidates === undefined) return null;
  let best: StemAlias | null = null;
  for (const candidate of candidates) {
    if (
      folded.startsWith(candidate.stem) &&
      folded.length - candidate.stem.length <= MAX_ENDING &&
      (best === null || candidate.stem.length > best.stem.length)
    ) {
      best = candidate;
    }
  }
  return best?.canonical ?? null;
}
