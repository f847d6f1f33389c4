/** The format of a topic file (`seeds/topics/<topic>.json`): a label, what it covers, and its search equivalents. */
import { z } from 'zod';

export const TopicFile = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  description: z.string().optional(),
  /** Cross-language equivalents for search: each list holds words or phrases that mean the same. */
  equivalents: z.array(z.array(z.string().trim().min(1)).min(2)).optional(),
});
export type TopicFile = z.infer<typeof TopicFile>;
