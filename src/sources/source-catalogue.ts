/** The source catalogue file (seeds/sources.json): validated, turned into sources to add. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { NewSource } from '../corpus/corpus-store.js';
import { ConfigError } from '../errors.js';

export const CatalogueEntry = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'expected a lowercase slug (a-z, 0-9, -)' }),
  name: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  siteUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  language: z.string().min(2).max(3).nullable().optional(),
  intervalSeconds: z.number().int().min(1).default(600),
  /** Whether the feed address was confirmed to exist; unconfirmed ones are still polled. */
  confirmed: z.boolean().default(false),
  note: z.string().optional(),
  paused: z.boolean().optional(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const Catalogue = z.object({ sources: z.array(CatalogueEntry) });
export type Catalogue = z.infer<typeof Catalogue>;

export function parseCatalogue(text: string, file: string): NewSource[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`, ['VIGIL_SOURCES']);
  }
  const parsed = Catalogue.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`${file} is not a valid source catalogue: ${problems.join('; ')}`, [
      'VIGIL_SOURCES',
    ]);
  }
  return parsed.data.sources.map((entry) => ({
    id: entry.id,
    name: entry.name,
    url: entry.url,
    siteUrl: entry.siteUrl ?? null,
    language: entry.language ?? null,
    intervalSeconds: entry.intervalSeconds,
    paused: entry.paused ?? false,
  }));
}

export function loadCatalogue(file: string): NewSource[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the source catalogue ${file}: ${(error as Error).message}`, [
      'VIGIL_SOURCES',
    ]);
  }
  return parseCatalogue(text, file);
}
