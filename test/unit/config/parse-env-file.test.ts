// Issue 12, finding 8: a malformed .env line is reported by its number and does not swallow the next
// variable (Node's own parser lets an unclosed quote run on over the following lines).
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../../src/config/parse-env-file.js';

describe('parseEnvFile', () => {
  it('reads NAME=value lines, quotes, export and comments', () => {
    const file = [
      '# vigil settings',
      'VIGIL_DB=./data/vigil.db',
      'export VIGIL_LOG_LEVEL=debug',
      'TELEGRAM_BOT_TOKEN="123:abc#def"',
      "SLACK_SIGNING_SECRET='shh'  # the signing secret",
      'VIGIL_ADMINS=telegram:1 # admins',
      'EMPTY=',
      '',
    ].join('\r\n');
    expect(parseEnvFile(`\uFEFF${file}`)).toEqual({
      values: {
        VIGIL_DB: './data/vigil.db',
        VIGIL_LOG_LEVEL: 'debug',
        TELEGRAM_BOT_TOKEN: '123:abc#def',
        SLACK_SIGNING_SECRET: 'shh',
        VIGIL_ADMINS: 'telegram:1',
        EMPTY: '',
      },
      problems: [],
    });
  });

  it('reports an unclosed quote and a line without = by number, and still reads the next variable', () => {
    const file = [
      'VIGIL_DB=./x.db',
      'TELEGRAM_BOT_TOKEN="123:secret',
      'VIGIL_HTTP_PORT=4000',
      'just words',
    ].join('\n');
    const parsed = parseEnvFile(file);
    expect(parsed.values).toEqual({ VIGIL_DB: './x.db', VIGIL_HTTP_PORT: '4000' });
    expect(parsed.problems).toEqual([
      { line: 2, message: 'TELEGRAM_BOT_TOKEN: the quote is not closed on this line' },
      { line: 4, message: 'expected NAME=value' },
    ]);
    expect(JSON.stringify(parsed.problems)).not.toContain('secret');
  });
});
