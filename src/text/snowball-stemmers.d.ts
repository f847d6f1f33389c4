/** Types for the untyped `snowball-stemmers` package (a JS port of the Snowball stemmers). */
declare module 'snowball-stemmers' {
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): SnowballStemmer;
  export function algorithms(): string[];
}
