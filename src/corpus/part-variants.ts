/**
 * The variants a query part widens to beyond its own keys: the words of its lexicon concepts in
 * every language (release → amnesty, помилование, вызваленне; the phrase `political prisoners` →
 * палітвязні, politzaključennyje), and for one word its sound-alike name key (Tsikhanouskaya →
 * the `name` tokens of Тихановская, Ціханоўская).
 */
import { seedLexicon } from '../text/lexicon.js';
import { nameKey } from '../text/name-key.js';
import { indexToken, MIN_NAME_KEY, nameToken } from './index-tokens.js';

export type VariantRoute = 'concept' | 'name';

export interface PartVariant {
  route: VariantRoute;
  /** Index tokens, in order (a concept phrase has several). */
  tokens: string[];
  /** The analysed keys (concept words), or null for a name token. */
  keys: string[] | null;
  /** The concept id, or the name key. */
  via: string;
}

/** A word in many concepts (or a concept with many words) stays a query, not a dictionary. */
const MAX_CONCEPT_TERMS = 96;

/**
 * Concept and name variants of a query word or phrase with index keys `keys` (its own keys not
 * included). A phrase meets its concepts through `Lexicon.conceptsOfPhrase`.
 */
export function partVariants(
  word: string,
  keys: readonly string[],
  routes: { name: boolean; concept: boolean },
): PartVariant[] {
  const variants: PartVariant[] = [];
  const own = keys.join(' ');
  if (routes.concept) {
    const lexicon = seedLexicon();
    for (const id of lexicon.conceptsOfPhrase(keys)) {
      for (const term of lexicon.termsOf(id)) {
        if (variants.length >= MAX_CONCEPT_TERMS) break;
        if (term.keys.join(' ') === own) continue;
        variants.push({ route: 'concept', tokens: term.keys.map(indexToken), keys: term.keys, via: id });
      }
    }
  }
  if (routes.name && keys.length === 1 && /^\p{L}+$/u.test(word.trim())) {
    const name = nameKey(word.trim());
    if (name.length >= MIN_NAME_KEY)
      variants.push({ route: 'name', tokens: [nameToken(name)], keys: null, via: name });
  }
  return variants;
}
