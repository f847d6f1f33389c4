/** Index tokens: keys as tokens both engines keep whole, one-to-one. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexText, indexToken } from '../../../src/corpus/index-tokens.js';

describe('indexToken', () => {
  it('keeps plain keys readable and encodes everything else', () => {
    expect(indexToken('potash')).toBe('potash');
    expect(indexToken('2024')).toBe('2024');
    expect(indexToken('xi')).toBe('x7869');
    expect(indexToken('санкц')).toMatch(/^x[0-9a-f]+$/);
    expect(indexToken('a-b')).toBe('x612d62');
  });

  it('is one-to-one on keys and yields only [a-z0-9], never the bare separator token x', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (a, b) => {
          const ta = indexToken(a);
          expect(ta).toMatch(/^[a-z0-9]+$/);
          expect(ta).not.toBe('x');
          if (a !== b) expect(ta).not.toBe(indexToken(b));
        },
      ),
    );
  });

  it('indexes title and text apart', () => {
    // Each text also carries the name tokens of its capitalised words (Potash, Sanctions).
    const indexed = indexText('Potash exports', 'Sanctions remain.');
    expect(indexed.title.split(' ').filter((token) => !token.startsWith('xz'))).toHaveLength(2);
    expect(indexed.body.split(' ').filter((token) => !token.startsWith('xz'))).toHaveLength(2);
    expect(indexText('', '...')).toEqual({ title: '', body: '' });
  });
});
