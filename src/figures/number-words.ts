/**
 * Counts written as words, where cheap: one to twenty and the round tens in English, Russian,
 * Ukrainian, Belarusian (Łacinka folds to the same forms), Polish, and the small numbers of German,
 * French, Italian, Spanish, Portuguese, Romanian, Lithuanian, Czech and Slovak. Words that are also
 * common other words are left out: articles (ein, un, uno, um), "du", "dos", "due", "seize", "Sept".
 */
import { foldWord } from '../text/fold.js';

const WORDS: Record<number, string> = {
  1: 'one один одна одну одного одной адзін адна аднаго jeden jedna jednego',
  2: 'two два две двух двум двое двоих дві двоє дзве dwa dwie dwóch dwoje zwei deux dois duas doi două dvě dvaja',
  3: 'three три трёх трех трое троих трьох троє тры трох трое trzy trzech troje drei trois tre tres três trei trys tři traja',
  4: 'four четыре четырёх четырех четверо четверых чотири чотирьох чатыры чатырох чацвёра cztery czterech czworo vier quatre quattro cuatro quatro patru keturi čtyři štyria',
  5: 'five пять пяти пятерых пятеро пʼять пʼяти пʼятьох пʼятеро пяць пяці пяцёра pięć pięciu fünf cinq cinque cinco cinci penki pět piati',
  6: 'six шесть шести шестерых шестеро шість шести шістьох шестеро шэсць шасці шасцёра sześć sześciu sechs sei seis şase șase šeši šest šiesti šiestim',
  7: 'seven семь семи семерых семеро сім семи сімох семеро сем сямі сямёра siedem siedmiu sieben sette siete sete şapte șapte septyni sedm',
  8: 'eight восемь восьми восьмерых вісім восьми вісьмох восем васьмі васьмёра osiem ośmiu acht huit otto ocho oito opt aštuoni osm',
  9: 'nine девять девяти дев’ять дев’яти дзевяць дзевяці dziewięć dziewięciu neun neuf nove nueve nouă devyni devět',
  10: 'ten десять десяти десятеро дзесяць дзесяці dziesięć dziesięciu zehn dix dieci diez dez zece dešimt deset',
  11: 'eleven одиннадцать одиннадцати одинадцять адзінаццаць jedenaście jedenastu elf onze',
  12: 'twelve двенадцать двенадцати дванадцять дванаццаць dwanaście dwunastu zwölf douze',
  13: 'thirteen тринадцать тринадцати тринадцять трынаццаць trzynaście trzynastu dreizehn treize',
  14: 'fourteen четырнадцать четырнадцати чотирнадцять чатырнаццаць czternaście czternastu vierzehn quatorze',
  15: 'fifteen пятнадцать пятнадцати пʼятнадцять пятнаццаць piętnaście piętnastu fünfzehn quinze',
  16: 'sixteen шестнадцать шістнадцять шаснаццаць szesnaście szesnastu sechzehn',
  17: 'seventeen семнадцать сімнадцять сямнаццаць siedemnaście siedemnastu siebzehn',
  18: 'eighteen восемнадцать вісімнадцять васямнаццаць osiemnaście osiemnastu achtzehn',
  19: 'nineteen девятнадцать девʼятнадцять дзевятнаццаць dziewiętnaście dziewiętnastu neunzehn',
  20: 'twenty двадцать двадцати двадцять дваццаць dwadzieścia dwudziestu zwanzig vingt venti veinte vinte douăzeci',
  30: 'thirty тридцать тридцати тридцять трыццаць trzydzieści trzydziestu dreißig trente trenta treinta trinta',
  40: 'forty сорок сорока сорак czterdzieści czterdziestu vierzig quarante quaranta cuarenta quarenta',
  50: 'fifty пятьдесят пʼятдесят пяцьдзясят pięćdziesiąt pięćdziesięciu fünfzig cinquante cinquanta cincuenta cinquenta',
};

/** "півтора тисячі", "półtora tysiąca": one and a half, a count only with "thousand" after it. */
const ONE_AND_A_HALF = 'полтора полторы півтора паўтара półtora';

const VALUES = new Map<string, number>();
for (const word of ONE_AND_A_HALF.split(' ')) VALUES.set(foldWord(word), 1.5);
for (const [value, words] of Object.entries(WORDS)) {
  for (const word of words.split(' ')) VALUES.set(foldWord(word), Number(value));
}

/** The value of a folded number word, or null. */
export function numberWordValue(fold: string): number | null {
  return VALUES.get(fold) ?? null;
}
