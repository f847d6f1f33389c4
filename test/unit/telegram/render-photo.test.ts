// A card with a picture on Telegram: the photo captioned as far as 1,024 characters allow, the rest after it.
import { describe, expect, it } from 'vitest';
import { isPhoto, MAX_CAPTION_LENGTH, renderCardParts } from '../../../adapters/telegram/render.js';
import type { Card, CardBlock } from '../../../src/cards/card.js';
import { parseTelegramHtml } from '../../fakes/fake-telegram-api.js';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);

function card(entries: number, alt = 'Political prisoners: 3 points; latest 1,160.'): Card {
  const rows: CardBlock[] = Array.from({ length: entries }, (_, n) => ({
    type: 'entry',
    blocks: [
      { type: 'fields', layout: 'inline', fields: [{ kind: 'text', text: `2025-06-0${n % 9} · 1,1${n}0` }] },
      {
        type: 'links',
        links: [{ label: `Viasna: count <${n}> & more ${'x'.repeat(150)}`, url: `https://example.org/${n}` }],
      },
    ],
  }));
  return {
    kind: 'reply',
    summary: 'Figures',
    blocks: [
      { type: 'title', text: 'Figures since 2025-03-12', url: null },
      { type: 'image', alt, png },
      ...rows,
      { type: 'buttons', buttons: [{ label: 'More', command: 'figures since:365d' }] },
    ],
  };
}

const visible = (html: string) => {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.description);
  return parsed.text;
};

describe('renderCardParts with a picture', () => {
  it('a card that fits goes in the caption alone, buttons under the photo', () => {
    const parts = renderCardParts(card(2), { callbackData: (command) => `c:${command}` });
    expect(parts).toHaveLength(1);
    const [photo] = parts;
    if (!photo || !isPhoto(photo)) throw new Error('expected a photo');
    expect(photo.photo).toBe(png);
    expect(visible(photo.caption ?? '')).toMatch(
      /^Figures since 2025-03-12\nPolitical prisoners: 3 points; latest 1,160\.\n\n2025-06-00/,
    );
    expect(photo.caption).toContain('count &lt;0&gt; &amp; more');
    expect(photo.reply_markup?.inline_keyboard[0]?.[0]?.callback_data).toBe('c:figures since:365d');
  });

  it('a longer card keeps whole blocks in the caption and sends the rest as messages after it', () => {
    const parts = renderCardParts(card(12), { callbackData: (command) => `c:${command}` });
    const [photo, ...messages] = parts;
    if (!photo || !isPhoto(photo)) throw new Error('expected a photo');
    expect((photo.caption ?? '').length).toBeLessThanOrEqual(MAX_CAPTION_LENGTH);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => !isPhoto(message))).toBe(true);
    const all = [photo.caption ?? '', ...messages.map((message) => ('text' in message ? message.text : ''))];
    // Every row shown once, none cut between caption and message.
    for (let n = 0; n < 12; n++)
      expect(all.filter((text) => text.includes(`count &lt;${n}&gt;`))).toHaveLength(1);
    expect(photo.reply_markup).toBeUndefined();
    expect(messages.at(-1)?.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('More');
  });

  it('a description too long for a caption goes after the photo', () => {
    const parts = renderCardParts(card(0, 'ж'.repeat(1100)));
    const [photo, message] = parts;
    if (!photo || !isPhoto(photo)) throw new Error('expected a photo');
    expect(photo.caption).toBe('<b>Figures since 2025-03-12</b>');
    expect(message && 'text' in message && message.text).toContain('ж'.repeat(100));
  });

  it('a card without a picture renders as messages, as before', () => {
    const parts = renderCardParts({ kind: 'reply', summary: 's', blocks: [{ type: 'text', text: 'hello' }] });
    expect(parts).toEqual([
      { text: 'hello', parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    ]);
  });
});
