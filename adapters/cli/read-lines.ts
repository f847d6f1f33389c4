/**
 * Lines from a byte stream as they arrive, in bounded memory: a line longer than `maxBytes` is not
 * kept but reported (by number) and skipped to its end. A leading byte-order mark is dropped.
 */

export type InputLine = { number: number; text: string } | { number: number; tooLong: true };

const NEWLINE = 0x0a;

export async function* readLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<InputLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let number = 0;

  // A newline byte is never part of a multi-byte UTF-8 character, so each line decodes on its own.
  const finish = (): InputLine => {
    number++;
    if (skipping) {
      skipping = false;
      return { number, tooLong: true };
    }
    let text = Buffer.concat(pending, pendingBytes).toString('utf8');
    pending = [];
    pendingBytes = 0;
    if (number === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    return { number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  const keep = (part: Buffer) => {
    if (skipping || part.length === 0) return;
    if (pendingBytes + part.length > maxBytes) {
      skipping = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  };

  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      keep(bytes.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    keep(bytes.subarray(start));
  }
  if (skipping || pendingBytes > 0) yield finish();
}
