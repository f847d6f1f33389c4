/** `vigil search --explain` as text: per result, each query part, the item words it met and how. */
import type { HitExplanation } from '../../../src/corpus/explain-hit.js';

export function explainLines(id: number, title: string, explanation: HitExplanation): string[] {
  const lines = [
    `why #${id} "${title.length > 60 ? `${title.slice(0, 60)}…` : title}": score ${explanation.score}` +
      (explanation.carriesAll ? ', carries every part' : ', carries some parts'),
  ];
  for (const part of explanation.parts) {
    if (!part.carried) {
      lines.push(`  ${part.part}: not in this item (weight ${part.weight})`);
      continue;
    }
    const how = [
      `weight ${part.weight}`,
      part.inTitle ? 'in the title' : 'in the text',
      part.exact ? 'own word' : 'variant only',
      `score ${part.score}`,
    ].join(', ');
    const words = part.words.map((word) => `${word.word} (${word.route}, ${word.field})`).join('; ');
    lines.push(`  ${part.part}: ${how}${words === '' ? '' : ` <- ${words}`}`);
  }
  return lines;
}
