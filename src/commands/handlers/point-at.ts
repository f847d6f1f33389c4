/** Where in a query or watch expression an error is, for a reply read on a phone. */

/** The expression with a ▸ before the character an error points at, so it can be found on a phone. */
export function pointAt(expression: string, position: number): string {
  const chars = [...expression];
  const at = Math.min(Math.max(position - 1, 0), chars.length);
  const before = chars.slice(Math.max(0, at - 30), at).join('');
  const after = chars.slice(at, at + 30).join('');
  return `${at > 30 ? '…' : ''}${before}▸${after}${at + 30 < chars.length ? '…' : ''}`;
}
