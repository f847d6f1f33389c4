/**
 * The classifier's data, checked with zod: the concepts and roles it judges by
 * (`seeds/classifier/concepts.json`), one vocabulary per language (`lexicon/<code>.json`) and the
 * learned weights (`weights.json`).
 */
import { z } from 'zod';

/**
 * One pattern: words separated by spaces, or by ` ~ ` where up to three other words may stand
 * between. A word is `word` (same stem, or the same folded word where the language has no
 * stemmer), `word*` (starts so), `*word*` (contains it; for scripts without spaces and for
 * clitics), `=word` (exactly that folded word). `^` before a word asks for a proper name
 * (capitalised mid-sentence, in capitals or in quotes: «Вясна», not вясна the spring); a word
 * written in capitals (OFAC, ЕС) only matches a word in capitals.
 */
export const Pattern = z
  .string()
  .trim()
  .min(1)
  .superRefine((pattern, ctx) => {
    for (const word of pattern.split(/\s+/)) {
      if (word === '~') continue;
      const body = word.replace(/^\^/, '').replace(/^=/, '').replace(/^\*/, '').replace(/\*$/, '');
      if (body.length === 0 || /[*=^~]/.test(body)) {
        ctx.addIssue({ code: 'custom', message: `bad word "${word}" in pattern "${pattern}"` });
      }
    }
    if (/^~|~$/.test(pattern)) ctx.addIssue({ code: 'custom', message: `"~" must stand between words` });
  });

export const Lexicon = z.strictObject({
  /** ISO 639-1 code, or `any` for words matched in every language (OFAC, NATO). */
  language: z.string().regex(/^[a-z]{2}$|^any$/),
  /** Patterns by concept id. */
  concepts: z.record(z.string(), z.array(Pattern)),
});
export type Lexicon = z.infer<typeof Lexicon>;

export const Concept = z.strictObject({
  /** What the concept stands for, for people. */
  about: z.string().min(1),
  /** Labels this concept is evidence for; for every other label it can only count against. */
  supports: z.array(z.string()),
});
export type Concept = z.infer<typeof Concept>;

/** A label carried by roles: an act and a party in one sentence (a restrictive measure and its target). */
export const Role = z.strictObject({
  acts: z.array(z.string()).min(1),
  parties: z.array(z.string()).min(1),
  /** Concepts that, in a sentence with an act, say it is not the label's act (a bribery trial, a FIFA sanction). */
  counters: z.array(z.string()).optional(),
});
export type Role = z.infer<typeof Role>;

export const ConceptFile = z
  .strictObject({
    labels: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1),
    concepts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), Concept),
    roles: z.record(z.string(), Role),
  })
  .superRefine((file, ctx) => {
    const concepts = new Set(Object.keys(file.concepts));
    for (const [id, concept] of Object.entries(file.concepts)) {
      for (const label of concept.supports) {
        if (!file.labels.includes(label))
          ctx.addIssue({
            code: 'custom',
            path: ['concepts', id, 'supports'],
            message: `unknown label "${label}"`,
          });
      }
    }
    for (const [label, role] of Object.entries(file.roles)) {
      if (!file.labels.includes(label))
        ctx.addIssue({ code: 'custom', path: ['roles', label], message: `unknown label "${label}"` });
      for (const id of [...role.acts, ...role.parties, ...(role.counters ?? [])]) {
        if (!concepts.has(id))
          ctx.addIssue({ code: 'custom', path: ['roles', label], message: `unknown concept "${id}"` });
      }
    }
  });
export type ConceptFile = z.infer<typeof ConceptFile>;

export const LabelWeights = z.strictObject({
  bias: z.number(),
  /** Probability at which the label is given; the reported score is 0.5 there. */
  threshold: z.number().gt(0).lt(1),
  /** Weight by feature name; a feature not listed weighs 0. */
  weights: z.record(z.string(), z.number()),
});
export type LabelWeights = z.infer<typeof LabelWeights>;

export const WeightsFile = z.strictObject({
  about: z.string(),
  /** How the weights were made: data, split, seed, regularisation. */
  training: z.record(z.string(), z.unknown()),
  labels: z.record(z.string(), LabelWeights),
});
export type WeightsFile = z.infer<typeof WeightsFile>;
