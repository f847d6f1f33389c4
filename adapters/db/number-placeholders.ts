/** The store writes `?` for each parameter; PostgreSQL's protocol numbers them: `$1`, `$2`, … */

/** Replaces each `?` outside quotes with `$n`, in order. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let out = '';
  let quote: string | null = null;
  for (const char of sql) {
    if (quote !== null) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      n += 1;
      out += `$${n}`;
    } else {
      out += char;
    }
  }
  return out;
}
