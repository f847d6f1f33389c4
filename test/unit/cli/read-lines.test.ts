// Issue 12, finding 4: input is read line by line as it arrives, in bounded memory.
import { describe, expect, it } from 'vitest';
import { safeJson, terminalSafe } from '../../../adapters/cli/output.js';
import { type InputLine, readLines } from '../../../adapters/cli/read-lines.js';

async function collect(chunks: (string | Buffer)[], max = 16): Promise<InputLine[]> {
  const lines: InputLine[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of readLines(source(), max)) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('splits across chunks, drops a byte-order mark and \\r, keeps a last line without newline', async () => {
    expect(await collect(['\uFEFFab', 'c\r\nde', 'f\n\nlast'])).toEqual([
      { number: 1, text: 'abc' },
      { number: 2, text: 'def' },
      { number: 3, text: '' },
      { number: 4, text: 'last' },
    ]);
  });

  it('reports a line over the limit by number, without keeping it, and goes on', async () => {
    const long = 'x'.repeat(40);
    expect(await collect(['short\n', long.slice(0, 10), long.slice(10), '\nafter\n'])).toEqual([
      { number: 1, text: 'short' },
      { number: 2, tooLong: true },
      { number: 3, text: 'after' },
    ]);
    expect(await collect([`${long}`])).toEqual([{ number: 1, tooLong: true }]);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('Лукашенко\n');
    expect(await collect([bytes.subarray(0, 3), bytes.subarray(3)], 64)).toEqual([
      { number: 1, text: 'Лукашенко' },
    ]);
  });
});

describe('terminal-safe output', () => {
  it('removes control sequences and bidi overrides from text, keeping tabs and newlines', () => {
    expect(terminalSafe('a\u001b[31mred\u001b[0m\tb\nc\u202Ed\u009b2J\r')).toBe('a[31mred[0m\tb\ncd2J');
  });

  it('writes JSON whose value is unchanged but which carries no raw control character', () => {
    const value = { id: 'x\u001b[2J\u202E\u009b', title: 'ok' };
    const json = safeJson(value);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
