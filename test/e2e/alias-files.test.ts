/** VIGIL_ALIASES: an admin's alias file joins the seed table, and a bad one stops vigil with one line. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVigil, tempDir } from '../helpers/run-vigil.js';

function feed(title: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://example.org/</link>
<item><title>${title}</title><link>https://example.org/a/1</link><guid>a-1</guid>
<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><description>${title}</description></item>
</channel></rss>`;
}

describe('VIGIL_ALIASES', () => {
  it('lets search find a name by a spelling only the admin file knows', () => {
    const dir = tempDir();
    const aliases = path.join(dir, 'team-aliases.json');
    writeFileSync(
      aliases,
      JSON.stringify({
        aliases: [{ key: 'qwertina', kind: 'person', spellings: ['Marlowe', 'Квярціна'] }],
      }),
    );
    const feedFile = path.join(dir, 'feed.xml');
    writeFileSync(feedFile, feed('Квярціна walked free today'));
    const env = { VIGIL_DB: path.join(dir, 'vigil.db'), VIGIL_ALIASES: aliases };
    expect(runVigil(['ingest', feedFile], { env }).status).toBe(0);
    const withFile = runVigil(['search', 'Marlowe'], { env });
    expect(withFile.status).toBe(0);
    expect(withFile.stdout).toContain('walked free today');
    // Without the file the two spellings share nothing.
    const without = runVigil(['search', 'Marlowe'], { env: { VIGIL_DB: env.VIGIL_DB } });
    expect(without.stdout).not.toContain('walked free today');
  });

  it.each([
    ['a missing file', (dir: string) => path.join(dir, 'nowhere.json')],
    [
      'a file of the wrong shape',
      (dir: string) => {
        const file = path.join(dir, 'bad.json');
        writeFileSync(file, JSON.stringify({ aliases: [{ key: 'Bad Key', kind: 'person', spellings: [] }] }));
        return file;
      },
    ],
  ])('refuses %s with one line naming VIGIL_ALIASES, exit 2', (_, make) => {
    const dir = tempDir();
    const file = make(dir);
    const result = runVigil(['search', 'potash'], {
      env: { VIGIL_DB: path.join(dir, 'vigil.db'), VIGIL_ALIASES: file },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('VIGIL_ALIASES');
    expect(result.stderr).toContain(file);
  });
});
