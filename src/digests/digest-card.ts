/**
 * A digest as shared cards (kind `digest`), cut into as many messages as the platform's size needs:
 * a heading with the counts per topic, then per topic its stories, top first. Pure.
 */
import { DateTime } from 'luxon';
import { DIGEST_MAX_ITEMS } from '../alerts/fold-burst.js';
import type { Card, CardBlock, CardField } from '../cards/card.js';
import type { Digest, DigestSection, DigestStory } from './compose-digest.js';

/** Stories shown per topic; the rest are counted. */
export const STORIES_PER_TOPIC = 10;
/**
 * Share of the platform's message size the plain text of a part may take: markup, escaping and
 * links grow it when rendered (Telegram HTML, Slack mrkdwn), and the renderer must not split again.
 */
const TEXT_SHARE = 0.6;
/** A rendered block's fixed cost beyond its text (tags, separators, line breaks). */
const BLOCK_OVERHEAD = 40;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `4 Dec 09:00` in `zone`. */
export function digestTimeOf(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat('d LLL HH:mm');
}

export function digestTitle(digest: Digest): string {
  const { start, end } = digest.period;
  return `Digest ${digestTimeOf(start, digest.timeZone)} – ${digestTimeOf(end, digest.timeZone)} (${digest.timeZone})`;
}

/** `12 stories from 18 items. By topic: sanctions 5, prisoners 4.` */
function digestCounts(digest: Digest): string {
  const topics = digest.sections.map((section) => `${section.topic} ${section.stories.length}`).join(', ');
  const lower = digest.capped ? 'at least ' : '';
  return `${lower}${count(digest.stories, 'story', 'stories')} from ${count(digest.items, 'item', 'items')}. By topic: ${topics}.`;
}

function storyEntry(story: DigestStory): CardBlock {
  const meta: CardField[] = [
    { kind: 'text', text: story.lead.source, style: 'em' },
    { kind: 'date', iso: story.lead.publishedAt, withTime: true },
  ];
  if (story.alsoReportedBy.length > 0)
    meta.push({ kind: 'list', label: 'Also reported by', values: story.alsoReportedBy, max: 5 });
  return {
    type: 'entry',
    blocks: [
      { type: 'title', text: story.lead.title, url: story.lead.url, ref: `#${story.lead.id}` },
      { type: 'fields', fields: meta, layout: 'inline' },
    ],
  };
}

function sectionHeading(topic: string, stories: number, continued = false): CardBlock {
  return {
    type: 'title',
    text: `${topic}: ${continued ? 'continued' : count(stories, 'story', 'stories')}`,
    url: null,
  };
}

/** The digest's blocks after its heading: per topic a heading, its top stories, and how many more. */
function digestSections(
  digest: Digest,
): { topic: string; stories: number; heading: CardBlock; entries: CardBlock[] }[] {
  return digest.sections.map((section: DigestSection) => {
    const entries = section.stories.slice(0, STORIES_PER_TOPIC).map(storyEntry);
    const rest = section.stories.length - entries.length;
    if (rest > 0)
      entries.push({
        type: 'text',
        text: `… and ${count(rest, 'more story', 'more stories')} on ${section.topic}.`,
      });
    const stories = section.stories.length;
    return { topic: section.topic, stories, heading: sectionHeading(section.topic, stories), entries };
  });
}

/** Every block of the digest, for one card or a page: heading, counts, sections. */
export function digestBlocks(digest: Digest): CardBlock[] {
  return [
    { type: 'title', text: digestTitle(digest), url: null },
    { type: 'text', text: digestCounts(digest) },
    ...digestSections(digest).flatMap((section) => [section.heading, ...section.entries]),
  ];
}

/** The plain characters a block shows, plus its fixed cost. */
function blockSize(block: CardBlock): number {
  switch (block.type) {
    case 'title':
      return block.text.length + (block.url?.length ?? 0) + (block.ref?.length ?? 0) + BLOCK_OVERHEAD;
    case 'text':
      return block.text.length + BLOCK_OVERHEAD;
    case 'fields':
      return (
        block.fields.reduce(
          (sum, field) =>
            sum +
            (field.kind === 'list'
              ? field.values.slice(0, field.max).join(', ').length + (field.label?.length ?? 0)
              : field.kind === 'date'
                ? 20
                : field.text.length),
          0,
        ) + BLOCK_OVERHEAD
      );
    case 'entry':
      return block.blocks.reduce((sum, inner) => sum + blockSize(inner), 0);
    default:
      return BLOCK_OVERHEAD;
  }
}

/**
 * The digest as messages that each fit `messageChars` (and, where that is limited, hold at most
 * DIGEST_MAX_ITEMS entries: some platforms cap blocks per message); none when the digest is empty. A topic cut between two messages is headed again as continued.
 */
export function digestCards(digest: Digest, messageChars: number): Card[] {
  if (digest.stories === 0) return [];
  const limited = Number.isFinite(messageChars);
  const budget = limited ? messageChars * TEXT_SHARE : Number.POSITIVE_INFINITY;
  const maxEntries = limited ? DIGEST_MAX_ITEMS : Number.POSITIVE_INFINITY;
  const title = digestTitle(digest);
  const parts: CardBlock[][] = [];
  let part: CardBlock[] = [];
  let size = 0;
  let entries = 0;
  let fresh = true;
  const add = (block: CardBlock) => {
    part.push(block);
    size += blockSize(block);
    if (block.type === 'entry') entries++;
  };
  add({ type: 'title', text: title, url: null });
  add({ type: 'text', text: digestCounts(digest) });
  for (const section of digestSections(digest)) {
    for (const [index, block] of [section.heading, ...section.entries].entries()) {
      // A heading goes with its first story; a part holds at least one block past its heading.
      const room = blockSize(block) + (index === 0 ? blockSize(section.entries[0] ?? block) : 0);
      const full = size + room > budget || (block.type === 'entry' && entries >= maxEntries);
      if (full && !fresh) {
        parts.push(part);
        [part, size, entries] = [[], 0, 0];
        add({ type: 'title', text: `${title}, continued`, url: null });
        if (index > 0) add(sectionHeading(section.topic, section.stories, true));
      }
      add(block);
      fresh = false;
    }
  }
  parts.push(part);
  const summary = `${title}: ${digestCounts(digest)}`;
  return parts.map((blocks) => ({ kind: 'digest', blocks, summary, public: true }));
}
