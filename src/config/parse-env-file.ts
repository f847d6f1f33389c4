/**
 * A `.env` file → variables, with a warning per line it cannot read. Pure. Node's own parser
 * (process.loadEnvFile) lets an unclosed quote run on over the following lines, silently swallowing
 * the next variables; here each line stands alone and a malformed one is reported by its number.
 */

export interface EnvFileProblem {
  line: number;
  /** What is wrong; never the value, which may be a secret. */
  message: string;
}

export interface EnvFile {
  values: Record<string, string>;
  problems: EnvFileProblem[];
}

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

export function parseEnvFile(text: string): EnvFile {
  const values: Record<string, string> = {};
  const problems: EnvFileProblem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const match = ASSIGNMENT.exec(trimmed);
      if (!match) {
        problems.push({ line, message: 'expected NAME=value' });
        return;
      }
      const [, name = '', rest = ''] = match;
      const value = readValue(rest);
      if (value === null) {
        problems.push({ line, message: `${name}: the quote is not closed on this line` });
        return;
      }
      values[name] = value;
    });
  return { values, problems };
}

/** A quoted value ends at its closing quote; an unquoted one at a ` #` comment. */
function readValue(rest: string): string | null {
  const quote = rest[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = rest.indexOf(quote, 1);
    if (end < 0) return null;
    const inner = rest.slice(1, end);
    return quote === '"' ? inner.replaceAll('\\n', '\n') : inner;
  }
  return rest.replace(/\s+#.*$/, '').trim();
}
