/** Who counted a figure (a rights group) or who decided it (a sanctioning government or union). */

interface Body {
  name: string;
  pattern: RegExp;
}

/** Whole words only, in any script: JavaScript's \b knows only ASCII letters. */
function body(name: string, alternatives: string): Body {
  return { name, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu') };
}

/** Rights groups that publish counts of political prisoners; capitalised, so "вясна" (spring) is not one. */
const COUNTERS: readonly Body[] = [
  body('Viasna', 'Viasn\\p{L}*|Visaná|Wiasn\\p{L}*|Вясн\\p{L}*|Вясьн\\p{L}*|Весн\\p{L}*'),
  body('Memorial', 'Memorial|Мемориал\\p{L}*|Мемарыял\\p{L}*'),
];

/** Governments and unions that keep sanctions lists. */
const AUTHORITIES: readonly Body[] = [
  body(
    'EU',
    'EU|E\\.U|UE|ЕС|ЄС|ES|European Union|Евросоюз\\p{L}*|Европейск\\p{L}* [сС]оюз\\p{L}*|Євросоюз\\p{L}*|' +
      'Європейськ\\p{L}* [сС]оюз\\p{L}*|Еўрасаюз\\p{L}*|Еўрапейск\\p{L}* [сС]аюз\\p{L}*|Jeŭrasajuz\\p{L}*|' +
      'Uni\\p{L}* Europejsk\\p{L}*|Europäisch\\p{L}* Union|Union européenne|Unione europea|Unión Europea|' +
      'União Europeia|Uniunea Europeană|Europos Sąjung\\p{L}*',
  ),
  body(
    'US',
    'US|U\\.S|USA|United States|OFAC|Treasury|State Department|Washington|США|ЗША|Вашингтон\\p{L}*|' +
      'Waszyngton\\p{L}*|Stan\\p{L}* Zjednoczon\\p{L}*|JAV|SUA|EUA|Estados Unidos|Vereinigt\\p{L}* Staaten|' +
      'États-Unis|Stati Uniti',
  ),
  body(
    'UK',
    'UK|United Kingdom|Britain|British|HM Treasury|OFSI|London|Великобритани\\p{L}*|' +
      'Великобритані\\p{L}*|Вялікабрытані\\p{L}*|Брытані\\p{L}*|Wielk\\p{L}* Brytani\\p{L}*|Londyn\\p{L}*|' +
      'Großbritannien|Royaume-Uni|Regatul Unit|Reino Unido|Regno Unito',
  ),
  body('Canada', 'Canada|Canadian|Канад\\p{L}*|Kanad\\p{L}*|Ottawa'),
  body('Switzerland', 'Switzerland|Swiss|Швейцари\\p{L}*|Швейцарі\\p{L}*|Szwajcari\\p{L}*|Schweiz|Suisse'),
  body('Poland', 'Poland|Польш\\p{L}*|Польшч\\p{L}*|Польщ\\p{L}*|Polska|Polski|Polsce'),
  body('Lithuania', 'Lithuania|Литв\\p{L}*|Літв\\p{L}*|Litw\\p{L}*|Lietuv\\p{L}*'),
  body('Ukraine', 'Ukraine|Украин\\p{L}*|Україн\\p{L}*|Украін\\p{L}*|Ukrain\\p{L}*'),
  body('Japan', 'Japan|Япони\\p{L}*|Японі\\p{L}*|Japoni\\p{L}*'),
  body('Australia', 'Australia|Австрали\\p{L}*|Аўстралі\\p{L}*|Australi\\p{L}*'),
];

/**
 * The body named nearest before `offset` in `text` (the one whose action the number reports), else
 * the first one after it, else null.
 */
function nearest(bodies: readonly Body[], text: string, offset: number): string | null {
  let before: { name: string; at: number } | null = null;
  let after: { name: string; at: number } | null = null;
  for (const { name, pattern } of bodies) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      if (at < offset) {
        if (before === null || at > before.at) before = { name, at };
      } else if (after === null || at < after.at) after = { name, at };
    }
  }
  return before?.name ?? after?.name ?? null;
}

export function counterNear(text: string, offset: number): string | null {
  return nearest(COUNTERS, text, offset);
}

export function authorityNear(text: string, offset: number): string | null {
  return nearest(AUTHORITIES, text, offset);
}
