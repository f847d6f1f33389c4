/** decodeFeedBytes: header charset, then BOM, then XML declaration; real decoders for legacy charsets. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../../src/feeds/decode.js';

const TEXT = 'Лукашэнка: палітвязні, санкцыі';
// KOI8-R has no Belarusian і and ў: its tests use Russian.
const RUSSIAN = 'Лукашенко: политзаключённые, санкции';
const xml = (declaration: string, body = TEXT) =>
  `<?xml version="1.0"${declaration}?><rss><t>${body}</t></rss>`;
const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);

describe('decodeFeedBytes', () => {
  it('decodes UTF-8 without any label', () => {
    expect(decodeFeedBytes(bytes(xml(''), 'utf-8'), null)).toBe(xml(''));
  });

  it('uses the XML declaration when there is no header and no BOM', () => {
    expect(decodeFeedBytes(bytes(xml(' encoding="windows-1251"'), 'windows-1251'), null)).toBe(
      xml(' encoding="windows-1251"'),
    );
    const koi = xml(" encoding='KOI8-R'", RUSSIAN);
    expect(decodeFeedBytes(bytes(koi, 'koi8-r'), null)).toBe(koi);
    const latin = xml(' encoding="ISO-8859-2"', 'Łódź, Žilina');
    expect(decodeFeedBytes(bytes(latin, 'iso-8859-2'), 'application/rss+xml')).toBe(latin);
  });

  it('trusts the Content-Type charset over the XML declaration', () => {
    const text = xml(' encoding="iso-8859-1"');
    expect(decodeFeedBytes(bytes(text, 'windows-1251'), 'text/xml; charset=windows-1251')).toBe(text);
    const koi = xml(' encoding="windows-1251"', RUSSIAN);
    expect(decodeFeedBytes(bytes(koi, 'koi8-r'), 'application/rss+xml;charset="KOI8-R"')).toBe(koi);
  });

  it('trusts the BOM over the XML declaration, and removes it', () => {
    const text = xml(' encoding="windows-1251"');
    expect(decodeFeedBytes(withBom([0xef, 0xbb, 0xbf], bytes(text, 'utf-8')), null)).toBe(text);
    expect(decodeFeedBytes(withBom([0xff, 0xfe], bytes(text, 'utf-16le')), null)).toBe(text);
    expect(decodeFeedBytes(withBom([0xfe, 0xff], bytes(text, 'utf-16be')), null)).toBe(text);
  });

  it('lets a UTF-16 BOM win over a header that names an 8-bit charset (the header cannot be right)', () => {
    const text = xml('');
    expect(decodeFeedBytes(withBom([0xff, 0xfe], bytes(text, 'utf-16le')), 'text/xml; charset=utf-8')).toBe(
      text,
    );
  });

  it('recognises UTF-16 without a BOM from the "<?" byte pattern', () => {
    const text = xml(' encoding="utf-16"');
    expect(decodeFeedBytes(bytes(text, 'utf-16be'), null)).toBe(text);
    expect(decodeFeedBytes(bytes(text, 'utf-16le'), null)).toBe(text);
  });

  it('prefers UTF-8 when a legacy label sits on bytes that are valid multi-byte UTF-8', () => {
    const text = xml(' encoding="ISO-8859-1"', 'Café €');
    expect(decodeFeedBytes(bytes(text, 'utf-8'), null)).toBe(text);
    expect(decodeFeedBytes(bytes(text, 'utf-8'), 'text/xml; charset=iso-8859-1')).toBe(text);
  });

  it('reads iso-8859-1 and us-ascii labels as windows-1252, as browsers do', () => {
    const text = xml(' encoding="iso-8859-1"', 'This is a £“test.”');
    expect(decodeFeedBytes(bytes(text, 'windows-1252'), null)).toBe(text);
  });

  it('ignores unknown labels and guesses: UTF-8, then Cyrillic code pages, then windows-1252', () => {
    expect(decodeFeedBytes(bytes(xml(' encoding="bogus"'), 'utf-8'), 'text/xml; charset=bogus')).toBe(
      xml(' encoding="bogus"'),
    );
    const russian = '<rss><t>Как пережить новогоднюю ночь и не потерять голову от праздника</t></rss>';
    expect(decodeFeedBytes(bytes(russian, 'windows-1251'), null)).toBe(russian);
    expect(decodeFeedBytes(bytes(russian, 'koi8-r'), null)).toBe(russian);
    const portuguese = '<rss><t>Ibope: Bolsonaro perde em simulações de 2º turno, São Paulo, ação</t></rss>';
    expect(decodeFeedBytes(bytes(portuguese, 'latin1'), null)).toBe(portuguese);
  });

  it('decodes an empty body to an empty string', () => {
    expect(decodeFeedBytes(new Uint8Array(), null)).toBe('');
  });
});
