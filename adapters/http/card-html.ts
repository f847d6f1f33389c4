/**
 * Card blocks as HTML for the read-only pages (the digest on /digest/<channel>), as the chat adapters
 * render them for their platforms. Pure: every string is cleaned and escaped, links only for web
 * addresses, matched words as <mark>; buttons (chat commands) are left out.
 */
import { type CardBlock, type CardField, MARK_END, MARK_START } from '../../src/cards/card.js';
import { cleanText, markedRuns } from '../../src/cards/clean-text.js';
import { html, webLink } from './page-shell.js';

const text = (value: string) => html(cleanText(value).replaceAll(MARK_START, '').replaceAll(MARK_END, ''));

/** Our wording: `backtick` spans are commands or ids, shown as code; lines kept. */
function wording(value: string): string {
  return text(value)
    .split('\n')
    .map((line) => line.replace(/`([^`]+)`/g, '<code>$1</code>'))
    .join('<br>');
}

function quote(value: string): string {
  return markedRuns(cleanText(value))
    .map((run) => (run.marked ? `<mark>${html(run.text)}</mark>` : html(run.text)))
    .join('');
}

function field(value: CardField): string {
  switch (value.kind) {
    case 'date': {
      const shown = value.withTime
        ? `${value.iso.slice(0, 16).replace('T', ' ')} UTC`
        : value.iso.slice(0, 10);
      return `<time datetime="${html(value.iso)}">${html(shown)}</time>`;
    }
    case 'ref':
      return text(value.text);
    case 'list': {
      const shown = value.values.slice(0, value.max).map(text).join(', ');
      const more = value.values.length - Math.min(value.values.length, value.max);
      const label = value.label ? `${text(value.label)}: ` : '';
      return `${label}${shown}${more > 0 ? ` and ${more} more` : ''}`;
    }
    case 'text': {
      const label = value.label ? `${text(value.label)}: ` : '';
      const inner =
        value.style === 'strong'
          ? `<strong>${text(value.text)}</strong>`
          : value.style === 'em'
            ? `<em>${text(value.text)}</em>`
            : text(value.text);
      return `${label}${inner}`;
    }
  }
}

function block(value: CardBlock, inEntry: boolean): string {
  switch (value.type) {
    case 'title': {
      const ref = value.ref ? `<span class="meta">${text(value.ref)}</span> ` : '';
      const title = webLink(value.url, text(value.text) || '(untitled)');
      return inEntry ? `<p>${ref}${title}</p>` : `<h2>${ref}${title}</h2>`;
    }
    case 'fields':
      return value.layout === 'inline'
        ? `<p class="meta">${value.fields.map(field).join(' · ')}</p>`
        : `<ul>${value.fields.map((one) => `<li>${field(one)}</li>`).join('')}</ul>`;
    case 'text':
      return value.quote ? `<blockquote>${quote(value.text)}</blockquote>` : `<p>${wording(value.text)}</p>`;
    case 'links':
      return `<ul>${value.links.map((link) => `<li>${webLink(link.url, text(link.label))}</li>`).join('')}</ul>`;
    case 'image':
      return `<p>${text(value.alt)}</p>`;
    case 'buttons':
      return '';
    case 'entry':
      return value.blocks.map((inner) => block(inner, true)).join('');
  }
}

/** The blocks as HTML; a run of entries becomes one ordered list. */
export function cardBlocksHtml(blocks: readonly CardBlock[]): string {
  const out: string[] = [];
  let entries: string[] = [];
  const flush = () => {
    if (entries.length > 0)
      out.push(`<ol class="entries">${entries.map((entry) => `<li>${entry}</li>`).join('')}</ol>`);
    entries = [];
  };
  for (const value of blocks) {
    if (value.type === 'entry') entries.push(block(value, true));
    else {
      flush();
      out.push(block(value, false));
    }
  }
  flush();
  return out.join('\n');
}
