/** htmlToText / htmlToLine: plain text out of feed HTML, outlet boilerplate left behind. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToLine, htmlToText } from '../../../src/feeds/html-to-text.js';
import { sharedDir } from '../../helpers/services.js';

describe('htmlToText', () => {
  it('strips tags, keeps one line per block and decodes entities', () => {
    expect(htmlToText('<p>New <b>sanctions</b> &amp; more</p><p>Second&nbsp;para&#8230;</p>')).toBe(
      'New sanctions & more\nSecond para…',
    );
    expect(htmlToText('line one<br>line two<ul><li>a</li><li>b</li></ul>')).toBe('line one\nline two\na\nb');
  });

  it('drops script, style and other non-text elements', () => {
    const html =
      '<p>Safe</p><script>alert("x")</script><style>p{color:red}</style><noscript>enable js</noscript>' +
      '<iframe src="https://evil"></iframe><form><button>Send</button></form><p>description</p>';
    expect(htmlToText(html)).toBe('Safe\ndescription');
  });

  it('leaves markup that was escaped as text, never as tags', () => {
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
    expect(htmlToLine('<!channel> &lt;b&gt;hi&lt;/b&gt;')).toBe('<b>hi</b>');
  });

  it('decodes only entities that end with ";" so query strings stay intact', () => {
    expect(htmlToLine('?page=1&copy=2;mode=x & done')).toBe('?page=1&copy=2;mode=x & done');
    expect(htmlToLine('Fish &amp; Chips')).toBe('Fish & Chips');
  });

  it('decodes a double-escaped entity once more, but no further', () => {
    expect(htmlToLine('$&amp;#x0024;4300')).toBe('$$4300');
    expect(htmlToLine('&amp;amp;amp;')).toBe('&amp;');
  });

  it('removes outlet boilerplate lines', () => {
    const html = [
      '<p>top of page</p>',
      '<p>Accessibility links</p>',
      '<p>Washington will continue to support the democratic forces of Belarus.</p>',
      '<p>Write your comment 35</p>',
      '<p>Follow Charter97.org social media accounts</p>',
      '<div>XS</div><div>SM</div><div>MD</div><div>LG</div>',
      '<p>0:00 0:03:49 0:00</p>',
      '<p>No media source currently available</p>',
      '<p>Share:</p><p>Читайте також</p><p>Комментарии (12)</p>',
      '<p>bottom of page</p>',
      '<p>The post Sanctions extended appeared first on Example News.</p>',
    ].join('');
    expect(htmlToText(html)).toBe('Washington will continue to support the democratic forces of Belarus.');
  });

  it('removes page chrome: datelines, mastheads, clocks, bare domains, photo credits, repeated lines, "read also" teasers', () => {
    const page = [
      '21 June 2024, Friday, 5:29',
      'неділя23 березня 2025',
      'Minsk 18:03',
      'vsedelo.com',
      "(Donald Trump's Facebook page)",
      'Story line one.',
      'Story line one.',
      'Читайте також',
      'Путін зробить усе, щоб втягнути Білорусь у війну — Зеленський (відео)',
      'Read also:',
      'A full sentence after the marker stays.',
      'On 5 June 2024 the court ruled.',
    ].join('\n');
    expect(htmlToText(page)).toBe(
      'Story line one.\nA full sentence after the marker stays.\nOn 5 June 2024 the court ruled.',
    );
  });

  it('keeps sentences that merely mention comments or sharing', () => {
    const text = 'The minister declined to comment on the sanctions.\nShare prices fell 3%.';
    expect(htmlToText(text)).toBe(text);
  });

  it('removes the boilerplate the seed pages carry and keeps their story', () => {
    for (const [file, kept, dropped] of [
      [
        '000_fd4aba584d256643.txt',
        'New sanctions are coming.',
        ['Write your comment 35', 'social media accounts'],
      ],
      [
        '001_250f98793f8c1362.txt',
        'U.S. to extend sanctions against Lukashenko regime',
        ['top of page', 'bottom of page'],
      ],
      [
        '002_86454b3da294c58f.txt',
        'Some 1400 political prisoners',
        ['\nXS\n', '\nLG', 'please wait', '0:00 0:03:49'],
      ],
      ['003_4198fd65b7220080.txt', 'Cichanoŭskaja', ['Share:']],
      ['004_b1efe3b7a7b55582.txt', "1226 політичних в'язнів", ['Читайте також']],
    ] as const) {
      const raw = readFileSync(join(sharedDir, 'seeds', file), 'utf8');
      const text = htmlToText(raw);
      expect(text, file).toContain(kept);
      for (const noise of dropped) expect(text, `${file}: ${noise}`).not.toContain(noise);
    }
  });

  it('removes soft hyphens, zero-width and control characters', () => {
    expect(htmlToLine('Лука\u00adшенко\u200b\u0007 speaks')).toBe('Лукашенко speaks');
  });

  it('repairs UTF-8 read as windows-1252 and stray C1 controls', () => {
    expect(htmlToLine('Ð¯Ð½Ð´ÐµÐºÑ\u0081')).toBe('Яндекс');
    expect(htmlToLine('don\u0092t')).toBe('don’t');
    expect(htmlToLine('Café crème')).toBe('Café crème');
  });

  it('returns an empty string for empty input', () => {
    expect(htmlToText(null)).toBe('');
    expect(htmlToText('<p> </p>')).toBe('');
  });
});
