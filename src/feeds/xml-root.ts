/** Finds a document's root element without parsing it, so "not a feed" is decided cheaply and named. */

export type RootElement =
  | {
      kind: 'element';
      /** Offset of the first markup: anything before it is junk a strict parser would choke on. */
      start: number;
      /** The qualified name as written, e.g. `rss`, `rdf:RDF`, `a:feed`. */
      name: string;
      local: string;
      /** The root's start tag, attributes included (namespace declarations live there). */
      tag: string;
    }
  | { kind: 'none' | 'binary'; description: string };

const NAME = /^[A-Za-z_][\w.\-:]*/;
// Only the first bytes are examined: a feed's root is never far in.
const SCAN_LIMIT = 64 * 1024;

export function findRoot(text: string): RootElement {
  const c0 = text.charCodeAt(0);
  // gzip's magic 1F 8B, read through any single-byte charset: a compressed body served uncompressed.
  if (c0 === 0x1f && (text.charCodeAt(1) === 0x8b || text.charCodeAt(1) === 0x2039)) {
    return { kind: 'binary', description: 'gzip-compressed data, not text' };
  }
  let i = 0;
  let start = -1;
  const limit = Math.min(text.length, SCAN_LIMIT);
  while (i < limit) {
    const lt = text.indexOf('<', i);
    if (lt === -1 || lt >= limit) break;
    if (start === -1) start = lt;
    if (text.startsWith('<?', lt)) {
      i = skipPast(text, lt, '?>');
    } else if (text.startsWith('<!--', lt)) {
      i = skipPast(text, lt, '-->');
    } else if (text.startsWith('<!', lt)) {
      i = skipDoctype(text, lt);
    } else {
      const match = NAME.exec(text.slice(lt + 1, lt + 200));
      if (!match) {
        i = lt + 1;
        continue;
      }
      const name = match[0];
      const colon = name.indexOf(':');
      const local = colon === -1 ? name : name.slice(colon + 1);
      const tagEnd = text.indexOf('>', lt);
      const tag = text.slice(lt, tagEnd === -1 ? lt + 2000 : tagEnd + 1);
      return { kind: 'element', start, name, local, tag };
    }
    if (i === -1) break;
  }
  if (start === -1 && looksBinary(text)) return { kind: 'binary', description: 'binary data, not text' };
  return {
    kind: 'none',
    description: start === -1 ? 'the document contains no markup' : 'the document has no root element',
  };
}

function skipPast(text: string, from: number, terminator: string): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

/** A DOCTYPE may carry an internal subset in brackets that itself contains `>`. */
function skipDoctype(text: string, from: number): number {
  const bracket = text.indexOf('[', from);
  const close = text.indexOf('>', from);
  if (bracket !== -1 && close !== -1 && bracket < close) {
    const subsetEnd = text.indexOf(']', bracket);
    return subsetEnd === -1 ? -1 : skipPast(text, subsetEnd, '>');
  }
  return close === -1 ? -1 : close + 1;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 512);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0xfffd) control++;
  }
  return control > sample.length / 10;
}
