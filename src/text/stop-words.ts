/**
 * Function words of the languages people search in (articles, prepositions, conjunctions,
 * particles, pronouns): `talks with the US` asks for talks and the US, and an item in Polish
 * carries neither `with` nor `the`. Relevance ranking leaves these out of a query's parts
 * (corpus/ranking-parts.ts); a phrase keeps them, and so does a query of nothing else.
 *
 * Words are compared folded (fold.ts), so one list serves every script; a word that is a function
 * word in one language but a content word in another (German `die`, English `war`, `us`) is not
 * listed.
 */
import { foldWord, normaliseWord } from './fold.js';

const WORDS: Record<string, string> = {
  en: `a an the of in on at to for with by from about into onto over after before against and or
    but nor as is are was were be been being has have had do does did it its this that these those
    than then which whom whose what there their his her he she they we you i my our your them him
    also while during under between up out will would shall should can could might`,
  ru: `в во на с со к ко по о об обо от до из за у для при про без под над перед через между
    и а но или либо что чтобы как это так же ли бы не ни его ее её их он она оно они мы вы я
    который которая которое которые также уже только был была было были есть против`,
  uk: `в у на з із зі до від по про за для під над між через без при і й та а але або чи що щоб
    як це не ні його її їх він вона воно вони ми ви я який яка яке які також вже лише був була
    було були проти`,
  be: `у ў на з са да ад па пра за для пад над паміж праз без пры і й ды а але або ці што каб як
    гэта не ні яго яе іх ён яна яно яны мы вы я які якая якое якія таксама ўжо толькі быў была
    было былі супраць`,
  'be-latn': `u ŭ na z sa da ad pa pra za dla pad nad pamiž praz biez pry i j dy a ale abo ci što kab
    jak heta nie ni jaho jaje ich jon jana jany jaki jakaja jakija taksama užo suprać`,
  pl: `w we na z ze do od po o za dla pod nad przed przez między bez przy u i oraz a ale lub albo
    czy że aby jak to się nie ni jego jej ich on ona ono oni my wy ja który która które którzy
    także też już tylko był była było byli jest są wobec przeciw przeciwko`,
  lt: 'ir bei su į iš per prie nuo apie už ar kad tai jo jos jų kaip taip bet dėl prieš',
  de: 'der das den dem des ein eine einen einem eines und oder aber mit von zu zum zur im auf für aus bei nach über',
  fr: 'le la les une des du et ou mais avec pour dans sur par au aux ce cette ces est sont',
};

let folded: Set<string> | null = null;

function stopSet(): Set<string> {
  if (folded === null) {
    folded = new Set(
      Object.values(WORDS)
        .flatMap((list) => list.split(/\s+/))
        .filter((word) => word !== '')
        .map((word) => foldWord(normaliseWord(word))),
    );
  }
  return folded;
}

/** Whether a single word is a function word of one of the listed languages. */
export function isStopWord(word: string): boolean {
  return stopSet().has(foldWord(normaliseWord(word.trim())));
}
