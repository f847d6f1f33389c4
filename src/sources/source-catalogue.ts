/**
 * The source catalogue file (VIGIL_SOURCES, seeds/sources.json): validated by the rules of
 * `sources add` (address, interval limits, kind, article pattern), turned into sources to add.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { NewSource } from '../corpus/corpus-store.js';
import { SOURCE_KINDS, type SourceKind } from '../corpus/source-catalog.js';
import { ConfigError } from '../errors.js';
import { articlePatternProblem, PATTERN_KINDS } from './article-pattern.js';
import { DEFAULT_INTERVAL_SECONDS, intervalLimits, intervalProblem } from './poll-interval.js';
import { checkSourceAddress } from './source-address.js';

export const CatalogueEntry = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'expected a lowercase slug (a-z, 0-9, -)' }),
  name: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  siteUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  language: z.string().min(2).max(3).nullable().optional(),
  intervalSeconds: z.number().default(DEFAULT_INTERVAL_SECONDS),
  /** How `url` is read (design.md, "Sources without a feed"); default `feed`. */
  kind: z
    .custom<SourceKind>((value) => SOURCE_KINDS.some((kind) => kind === value), {
      message: `expected one of ${SOURCE_KINDS.join(', ')}`,
    })
    .default('feed'),
  /** `page` and `sitemap`: a regular expression that the absolute article addresses match. */
  articlePattern: z.string().optional(),
  /** Whether the address was confirmed to exist; unconfirmed ones are still polled. */
  confirmed: z.boolean().default(false),
  note: z.string().optional(),
  paused: z.boolean().optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const Catalogue = z.object({ sources: z.array(CatalogueEntry) });
export type Catalogue = z.infer<typeof Catalogue>;

/** What the catalogue is checked against: the deployment's interval floor and private-address rule. */
export interface CatalogueRules {
  minIntervalSeconds: number;
  allowPrivate: boolean;
}

const DEFAULT_RULES: CatalogueRules = { minIntervalSeconds: 60, allowPrivate: false };

export function parseCatalogue(
  text: string,
  file: string,
  rules: CatalogueRules = DEFAULT_RULES,
): NewSource[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `the source catalogue ${file} (VIGIL_SOURCES) is not valid JSON: ${(error as Error).message}`,
      ['VIGIL_SOURCES'],
    );
  }
  const parsed = Catalogue.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(
      `the source catalogue ${file} (VIGIL_SOURCES) is not valid: ${problems.join('; ')}`,
      ['VIGIL_SOURCES'],
    );
  }
  const limits = intervalLimits(rules.minIntervalSeconds);
  const problems: string[] = [];
  const entries = parsed.data.sources.map((entry, index) => {
    const address = checkSourceAddress(entry.url, rules);
    if (!address.ok) problems.push(`sources.${index}.url: ${entry.url} ${address.problem}`);
    const interval = intervalProblem(entry.intervalSeconds, limits);
    if (interval) problems.push(`sources.${index}.intervalSeconds ${interval}`);
    problems.push(...patternProblems(entry, `sources.${index}.articlePattern (entry "${entry.id}")`));
    return entry;
  });
  if (problems.length > 0) {
    throw new ConfigError(
      `the source catalogue ${file} (VIGIL_SOURCES) is not valid: ${problems.join('; ')}`,
      ['VIGIL_SOURCES'],
    );
  }
  return entries.map((entry) => ({
    id: entry.id,
    name: entry.name,
    url: entry.url,
    siteUrl: entry.siteUrl ?? null,
    language: entry.language ?? null,
    intervalSeconds: entry.intervalSeconds,
    kind: entry.kind,
    ...(entry.articlePattern === undefined ? {} : { settings: { articlePattern: entry.articlePattern } }),
    paused: entry.paused ?? false,
  }));
}

function patternProblems(entry: CatalogueEntry, where: string): string[] {
  if (entry.articlePattern === undefined) return [];
  const kinds: readonly SourceKind[] = PATTERN_KINDS;
  if (!kinds.includes(entry.kind)) {
    return [`${where} applies only to the kinds ${kinds.join(' and ')} (the entry is ${entry.kind})`];
  }
  const problem = articlePatternProblem(entry.articlePattern);
  return problem ? [`${where}: ${JSON.stringify(entry.articlePattern)} ${problem}`] : [];
}

export function loadCatalogue(file: string, rules: CatalogueRules = DEFAULT_RULES): NewSource[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read the source catalogue ${file} (VIGIL_SOURCES): ${(error as Error).message}`,
      ['VIGIL_SOURCES'],
    );
  }
  return parseCatalogue(text, file, rules);
}
