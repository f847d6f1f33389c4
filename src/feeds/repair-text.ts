/** Undoes the two commonest text corruptions in feeds: UTF-8 read as windows-1252 ("Ð¯Ð½Ð´ÐµÐºÑ" for "Яндекс") and stray C1 controls. */

// windows-1252 bytes 0x80–0x9F and the characters they stand for; the five undefined bytes pass through as C1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const TO_BYTE = new Map<string, number>();
for (let i = 0; i < 32; i++) {
  TO_BYTE.set(CP1252_HIGH[i]!, 0x80 + i);
  TO_BYTE.set(String.fromCharCode(0x80 + i), 0x80 + i);
}
for (let b = 0xa0; b <= 0xff; b++) TO_BYTE.set(String.fromCharCode(b), b);

const CONTINUATION = `[\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`;
// A UTF-8 lead byte (as a windows-1252 character) followed by its continuation bytes.
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00f4]${CONTINUATION}{1,3}`, 'g');
const MOJIBAKE_TEST = new RegExp(`[\\u00c2-\\u00f4]${CONTINUATION}`);
const C1 = /[\u0080-\u009f]/g;
const C1_TEST = /[\u0080-\u009f]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Repairs double-encoded UTF-8 run by run (only runs that form valid UTF-8 change, so real "Ã©" in
 * Latin text needs an unlikely exact byte pattern to be touched), then maps remaining C1 controls to
 * the windows-1252 characters they almost always are (feedparser's "demoronize").
 */
export function repairText(text: string): string {
  let out = text;
  if (MOJIBAKE_TEST.test(out)) out = out.replace(MOJIBAKE, fixRun);
  if (C1_TEST.test(out)) out = out.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  return out;
}

function fixRun(run: string): string {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const b = TO_BYTE.get(run[i]!);
    if (b === undefined) return run;
    bytes[i] = b;
  }
  const lead = bytes[0]!;
  const expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (expected > bytes.length) return run;
  try {
    const fixed = utf8.decode(bytes.subarray(0, expected));
    return fixed + run.slice(expected);
  } catch {
    return run;
  }
}
