/** Cards as plain terminal text: feed text cleaned (no control or bidi characters), marks as [brackets]. Pure. */
import { type Card, type CardBlock, type CardField, MARK_END, MARK_START } from '../../src/cards/card.js';
import { httpUrl } from '../../src/cards/card-url.js';
import { cleanText, shortLine } from '../../src/cards/clean-text.js';

const MAX_LINE = 2000;

const line = (text: string) => shortLine(text, MAX_LINE);

function marks(text: string): string {
  return cleanText(text).replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');
}

function date(iso: string, withTime: boolean): string {
  return line(withTime ? iso.slice(0, 16).replace('T', ' ') : iso.slice(0, 10));
}

function field(value: CardField): string {
  let text: string;
  if (value.kind === 'date') return date(value.iso, value.withTime);
  if (value.kind === 'ref') return line(value.text);
  if (value.kind === 'list') {
    const shown = value.values.slice(0, value.max).map(line);
    const more = value.values.length - shown.length;
    text = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  } else text = line(value.text);
  const label = value.label ? `${value.label.charAt(0).toLowerCase()}${value.label.slice(1)}: ` : '';
  return `${label}${text}`;
}

/** The lines of some blocks; `indent` goes before every line but a leading title's. */
function blockLines(blocks: readonly CardBlock[], indent: string, bullet: string): string[] {
  const out: string[] = [];
  let url: string | null = null;
  for (const block of blocks) {
    if (block.type === 'title') {
      const title = line(block.text) || '(untitled)';
      out.push(block.ref ? `${line(block.ref)}  ${title}` : `${bullet}${title}`);
      url = httpUrl(block.url) ?? url;
    } else if (block.type === 'fields') {
      const values = block.fields.map(field).filter(Boolean);
      if (block.layout === 'inline') out.push(`${indent}${values.join(' · ')}`);
      else out.push(...values.map((value) => `${indent}${value}`));
    } else if (block.type === 'text') {
      for (const part of marks(block.text).split('\n')) out.push(`${indent}${part}`);
    } else if (block.type === 'links') {
      for (const link of block.links) {
        const href = httpUrl(link.url);
        if (href) out.push(`${indent}${line(link.label)}: ${href}`);
      }
    } else if (block.type === 'image') {
      out.push(`${indent}[image: ${line(block.alt)}]`);
    } else if (block.type === 'entry') {
      out.push(...blockLines(block.blocks, `${indent}     `, ''));
    }
    // Buttons need a chat to press them in; the console has none.
  }
  if (url) out.push(`${indent}${url}`);
  return out;
}

export function renderCard(card: Card): string {
  const alert = card.kind === 'alert';
  return `${blockLines(card.blocks, alert ? '  ' : '', alert ? '● ' : '').join('\n')}\n`;
}
