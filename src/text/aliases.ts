/**
 * The alias table: people, places, bodies and given names these texts spell many ways, each
 * mapped to one canonical key (Лукашенко, Lukashenka, Łukašenka → `lukashenka`). The data lives
 * in `seeds/aliases.json`; admins extend it with files of the same shape (VIGIL_ALIASES).
 */
import { z } from 'zod';
import { VigilError } from '../errors.js';
import { seedsPath } from '../paths.js';
import { DataFileError, readDataFile } from './data-file.js';
import { foldWord } from './fold.js';

export const AliasKind = z.enum(['person', 'place', 'organisation', 'acronym', 'given-name']);
export type AliasKind = z.infer<typeof AliasKind>;

/** One name: its key and its spellings; `Name*` also matches `Name` plus a short case ending. */
export const AliasEntry = z.object({
  key: z.string().regex(/^[a-z][a-z0-9]*$/, 'use lower-case Latin letters and digits, e.g. "lukashenka"'),
  kind: AliasKind,
  spellings: z
    .array(
      z.string().regex(/^[^*\s]+\*?$/u, 'one word, with an optional * at the end only (e.g. "Лукашенк*")'),
    )
    .min(1),
  /**
   * Spellings that name this only when written in capitals: `US` is the United States, `us` a
   * pronoun; `UN` the United Nations, French `un` an article. (The key itself always matches, in
   * any case: choose one that is no word, as `unitednations`.)
   */
  capitals: z
    .array(z.string().regex(/^[\p{Lu}\p{N}]{2,}$/u, 'capital letters only, at least two (e.g. "US")'))
    .optional(),
});
export type AliasEntry = z.infer<typeof AliasEntry>;

export const AliasFile = z.object({
  about: z.string().optional(),
  aliases: z.array(AliasEntry),
});
export type AliasFile = z.infer<typeof AliasFile>;

/** Longest case ending a `Name*` spelling may carry. */
const MAX_ENDING = 4;
/** Stem aliases by their first folded letters, for a quick candidate lookup. */
const BUCKET = 4;

interface StemAlias {
  stem: string;
  key: string;
}

/** Spellings → keys, built from one or more alias files. */
export class AliasTable {
  private readonly exact = new Map<string, string>();
  private readonly capitals = new Map<string, string>();
  private readonly stems = new Map<string, StemAlias[]>();
  private readonly entries = new Map<string, AliasEntry>();

  /**
   * Files later in the list add spellings to earlier keys or add new keys. A folded spelling
   * claimed by two keys is an error that names both, as is a key listed twice in one file.
   */
  constructor(files: readonly { file: string; aliases: readonly AliasEntry[] }[]) {
    const owner = new Map<string, string>();
    for (const { file, aliases } of files) {
      const seen = new Set<string>();
      for (const entry of aliases) {
        if (seen.has(entry.key)) throw new DataFileError(file, `aliases "${entry.key}": listed twice`);
        seen.add(entry.key);
        const known = this.entries.get(entry.key);
        this.entries.set(entry.key, {
          ...entry,
          spellings: [...(known?.spellings ?? []), ...entry.spellings],
          capitals: [...(known?.capitals ?? []), ...(entry.capitals ?? [])],
        });
        this.exact.set(entry.key, entry.key);
        for (const spelling of entry.spellings) this.addSpelling(file, entry.key, spelling, owner);
        for (const spelling of entry.capitals ?? []) {
          const folded = foldWord(spelling);
          const other = owner.get(`^${folded}`);
          if (other !== undefined && other !== entry.key) {
            throw new DataFileError(
              file,
              `aliases "${entry.key}": capitals "${spelling}" already belong to "${other}"`,
            );
          }
          owner.set(`^${folded}`, entry.key);
          this.capitals.set(folded, entry.key);
        }
      }
    }
  }

  private addSpelling(file: string, key: string, spelling: string, owner: Map<string, string>) {
    const isStem = spelling.endsWith('*');
    const folded = foldWord(isStem ? spelling.slice(0, -1) : spelling);
    if (folded.length === 0) {
      throw new DataFileError(file, `aliases "${key}": spelling "${spelling}" has no letters to match`);
    }
    const claim = `${isStem ? '*' : '='}${folded}`;
    const other = owner.get(claim);
    if (other !== undefined && other !== key) {
      throw new DataFileError(file, `aliases "${key}": spelling "${spelling}" already belongs to "${other}"`);
    }
    owner.set(claim, key);
    if (!isStem) {
      this.exact.set(folded, key);
      return;
    }
    const bucket = folded.slice(0, BUCKET);
    const list = this.stems.get(bucket) ?? [];
    if (!list.some((alias) => alias.stem === folded)) list.push({ stem: folded, key });
    this.stems.set(bucket, list);
  }

  /**
   * The key for a folded word when it names a known person, place or body, else null;
   * `capitals`: the word was written in capitals (see `AliasEntry.capitals`).
   */
  keyFor(folded: string, capitals = false): string | null {
    if (capitals) {
      const acronym = this.capitals.get(folded);
      if (acronym !== undefined) return acronym;
    }
    const exact = this.exact.get(folded);
    if (exact !== undefined) return exact;
    const candidates = this.stems.get(folded.slice(0, BUCKET));
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
    return best?.key ?? null;
  }

  /** The entry of a key (spellings of every file merged), for explanations and tests. */
  entry(key: string): AliasEntry | undefined {
    return this.entries.get(key);
  }

  get keys(): string[] {
    return [...this.entries.keys()];
  }
}

/** Reads alias files: the seed file first, then any extensions. */
export function loadAliasTable(files: readonly string[]): AliasTable {
  return new AliasTable(files.map((file) => ({ file, aliases: readDataFile(file, AliasFile).aliases })));
}

export const SEED_ALIASES = seedsPath('aliases.json');

let extraFiles: readonly string[] = [];
let table: AliasTable | null = null;

/**
 * Adds admin alias files (VIGIL_ALIASES) to the seed file. Call it at start-up, before any text
 * is analysed: keys already computed (and stored in the index) would otherwise disagree.
 */
export function useExtraAliasFiles(files: readonly string[]): void {
  if (table !== null && files.join('\n') !== extraFiles.join('\n')) {
    throw new VigilError('aliases-late', 'alias files must be chosen before any text is analysed');
  }
  extraFiles = [...files];
  if (table === null) table = loadAliasTable([SEED_ALIASES, ...extraFiles]);
}

/** The table in use: the seed file plus the extensions chosen at start-up, read on first use. */
export function aliasTable(): AliasTable {
  if (table === null) table = loadAliasTable([SEED_ALIASES, ...extraFiles]);
  return table;
}

/**
 * The canonical key for a folded word when it names a known person, place or body, else null;
 * `capitals`: the word was written in capitals (`writtenInCapitals`).
 */
export function aliasFor(folded: string, capitals = false): string | null {
  return aliasTable().keyFor(folded, capitals);
}

/** Two or more letters, none of them lower case (US, ЄС, UK). */
export function writtenInCapitals(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}
