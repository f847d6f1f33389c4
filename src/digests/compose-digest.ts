/**
 * A digest: the items of a time window grouped by story (one entry per story, its first item leading
 * and the other outlets as "also reported by"), then by topic, with counts per topic; the top
 * stories first (more outlets reporting, then newer). Pure: the caller reads and filters the items.
 */
import type { ReplyItem } from '../commands/reply.js';
import type { StoredItem } from '../corpus/corpus-store.js';
import type { DigestPeriod } from './digest-schedule.js';

/** An item as a digest lists it: a list item of a reply, without a snippet. */
export type DigestItem = Omit<ReplyItem, 'snippet'>;

export interface DigestStory {
  /** The story's first stored item (the one its alert showed). */
  lead: DigestItem;
  /** The other outlets that carried it in the window, first reporter first. */
  alsoReportedBy: string[];
  /** Items of the story in the window. */
  items: number;
  /** The newest of them. */
  newestAt: string;
}

export interface DigestSection {
  /** A topic, or `other` for stories only a watch picked that carry no topic. */
  topic: string;
  stories: DigestStory[];
  items: number;
}

export interface Digest {
  period: DigestPeriod;
  /** The zone its times are shown in. */
  timeZone: string;
  /** Biggest topic first. */
  sections: DigestSection[];
  stories: number;
  items: number;
  /** More items were in the window than were read (MAX_DIGEST_ITEMS): the counts are lower bounds. */
  capped: boolean;
}

const OTHER_TOPIC = 'other';

/** An item with the name of its outlet. */
export interface NamedItem {
  item: StoredItem;
  sourceName: string;
}

export interface ComposeOptions {
  period: DigestPeriod;
  timeZone: string;
  /** Topic order: a story goes under the first of these it carries (the channel's own topics first). */
  topics: readonly string[];
  capped?: boolean;
}

const storyKey = (item: StoredItem) => item.storyOf ?? item.id;

function toDigestItem({ item, sourceName }: NamedItem): DigestItem {
  return {
    id: item.id,
    title: item.title,
    url: item.url,
    source: sourceName,
    publishedAt: item.publishedAt,
    labels: item.labels,
  };
}

function topicOf(copies: readonly NamedItem[], order: readonly string[]): string {
  const labels = new Set(copies.flatMap((copy) => copy.item.labels));
  return order.find((topic) => labels.has(topic)) ?? [...labels].sort()[0] ?? OTHER_TOPIC;
}

function toStory(copies: NamedItem[]): DigestStory {
  const sorted = [...copies].sort((a, b) => a.item.id - b.item.id);
  const lead = sorted[0] as NamedItem;
  const others = sorted.map((copy) => copy.sourceName).filter((name) => name !== lead.sourceName);
  return {
    lead: toDigestItem(lead),
    alsoReportedBy: [...new Set(others)],
    items: sorted.length,
    newestAt: sorted.reduce(
      (newest, copy) => (copy.item.publishedAt > newest ? copy.item.publishedAt : newest),
      '',
    ),
  };
}

/** Top stories first: more outlets reporting, then the newer, then the later item. */
function byWeight(a: DigestStory, b: DigestStory): number {
  return (
    b.alsoReportedBy.length - a.alsoReportedBy.length ||
    b.newestAt.localeCompare(a.newestAt) ||
    b.lead.id - a.lead.id
  );
}

export function composeDigest(items: readonly NamedItem[], options: ComposeOptions): Digest {
  const stories = new Map<number, NamedItem[]>();
  for (const named of items) {
    const key = storyKey(named.item);
    stories.set(key, [...(stories.get(key) ?? []), named]);
  }
  const sections = new Map<string, DigestSection>();
  for (const copies of stories.values()) {
    const topic = topicOf(copies, options.topics);
    const section = sections.get(topic) ?? { topic, stories: [], items: 0 };
    section.stories.push(toStory(copies));
    section.items += copies.length;
    sections.set(topic, section);
  }
  const rank = (topic: string) => {
    const index = options.topics.indexOf(topic);
    return index < 0 ? options.topics.length : index;
  };
  const ordered = [...sections.values()]
    .map((section) => ({ ...section, stories: section.stories.sort(byWeight) }))
    .sort((a, b) => b.stories.length - a.stories.length || rank(a.topic) - rank(b.topic));
  return {
    period: options.period,
    timeZone: options.timeZone,
    sections: ordered,
    stories: stories.size,
    items: items.length,
    capped: options.capped === true,
  };
}
