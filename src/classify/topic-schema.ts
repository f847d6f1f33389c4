/** The format of a topic file (`seeds/topics/<topic>.json`), checked with zod. */
import { z } from 'zod';
import { foldWord } from '../text/fold.js';

/** Shortest folded prefix a `word*` pattern may have: shorter ones match too much and slow matching. */
export const MIN_PREFIX = 3;

/**
 * One pattern: words separated by spaces. `word` matches the same key (stemmed, aliased),
 * `word*` any word whose folded form starts with the folded `word`, `=word` exactly that folded
 * word. A word written in capitals (US, ЕС, МИД) only matches words written in capitals.
 */
export const Pattern = z
  .string()
  .trim()
  .min(1)
  .superRefine((pattern, ctx) => {
    for (const word of pattern.split(/\s+/)) {
      const body = word.replace(/^=/, '').replace(/\*$/, '');
      if (body.length === 0 || /[*=]/.test(body)) {
        ctx.addIssue({ code: 'custom', message: `bad word "${word}" in pattern "${pattern}"` });
      } else if (word.endsWith('*') && foldWord(body).length < MIN_PREFIX) {
        ctx.addIssue({
          code: 'custom',
          message: `prefix "${word}" in pattern "${pattern}" is shorter than ${MIN_PREFIX} letters`,
        });
      }
    }
  });
export type Pattern = z.infer<typeof Pattern>;

/** Patterns by language code (en, ru, uk, be, pl, lt, or `any`); the code is for people and evidence. */
export const PatternsByLanguage = z.record(
  z.string().regex(/^[a-z]{2,3}(-[a-z]+)?$|^any$/),
  z.array(Pattern),
);
export type PatternsByLanguage = z.infer<typeof PatternsByLanguage>;

/** A window in tokens around a match (same field), or the whole item (title and text). */
export const Window = z.union([z.number().int().min(0).max(200), z.literal('item')]);
export type Window = z.infer<typeof Window>;

/** Holds when a word of any of the named cue lists occurs within the window. */
export const ContextRule = z.strictObject({
  cues: z.array(z.string().min(1)).min(1),
  window: Window,
});
export type ContextRule = z.infer<typeof ContextRule>;

export const Term = z.strictObject({
  id: z.string().min(1),
  /** What one occurrence adds to the topic's raw score (0: a phrase that only shadows shorter ones). */
  weight: z.number().min(0).max(10),
  patterns: PatternsByLanguage,
  /** Terms of one group share that group's cap. */
  group: z.string().min(1).optional(),
  /** Extra tokens allowed between the words of a phrase. */
  gap: z.number().int().min(0).max(5).optional(),
  /** Every rule must hold for an occurrence to count. */
  requires: z.array(ContextRule).optional(),
  /** Any rule that holds cancels the occurrence. */
  unless: z.array(ContextRule).optional(),
  /** Cancelled when a negation word stands just before it ("no one was detained", "без задержаний"). */
  negatable: z.boolean().optional(),
  /** Counts only as a proper name: capitalised mid-sentence, in capitals, or in quotes (Вясна the group, not вясна the spring). */
  proper: z.boolean().optional(),
});
export type Term = z.infer<typeof Term>;

export const TopicFile = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    description: z.string().optional(),
    /** Raw score at which the topic is labelled (its 0..1 score is then 0.5). */
    threshold: z.number().positive(),
    /** Multipliers per field; a title match usually weighs more. */
    fieldWeights: z.strictObject({ title: z.number().positive(), text: z.number().positive() }).optional(),
    /** Each further occurrence of the same term counts this fraction of the previous one. */
    repeatDecay: z.number().min(0).max(1).optional(),
    groups: z.record(z.string(), z.strictObject({ cap: z.number().positive() })).optional(),
    /** Words that cancel a `negatable` term right after them; defaults to a built-in list. */
    negations: PatternsByLanguage.optional(),
    /** Named word lists used by `requires` and `unless`. */
    cues: z.record(z.string(), PatternsByLanguage).optional(),
    terms: z.array(Term).min(1),
    /** Cross-language equivalents for search: each list holds words or phrases that mean the same. */
    equivalents: z.array(z.array(z.string().trim().min(1)).min(2)).optional(),
  })
  .superRefine((topic, ctx) => {
    const cues = new Set(Object.keys(topic.cues ?? {}));
    const groups = new Set(Object.keys(topic.groups ?? {}));
    const ids = new Set<string>();
    topic.terms.forEach((term, index) => {
      if (ids.has(term.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['terms', index, 'id'],
          message: `duplicate term id "${term.id}"`,
        });
      }
      ids.add(term.id);
      if (term.group !== undefined && !groups.has(term.group)) {
        ctx.addIssue({
          code: 'custom',
          path: ['terms', index, 'group'],
          message: `group "${term.group}" is not defined in "groups"`,
        });
      }
      for (const kind of ['requires', 'unless'] as const) {
        term[kind]?.forEach((rule, ruleIndex) => {
          rule.cues.forEach((cue, cueIndex) => {
            if (!cues.has(cue)) {
              ctx.addIssue({
                code: 'custom',
                path: ['terms', index, kind, ruleIndex, 'cues', cueIndex],
                message: `cue list "${cue}" is not defined in "cues"`,
              });
            }
          });
        });
      }
    });
  });
export type TopicFile = z.infer<typeof TopicFile>;
