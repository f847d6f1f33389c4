// Issue 12: every path a newcomer tries fails safely. Each test runs the built `vigil` as a user
// would and names the finding it covers; all of them failed on main before this branch.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsPath } from '../../src/paths.js';
import { startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { freePort, runVigil, startVigil, tempDir, testEnv, vigilBin, waitFor } from '../helpers/run-vigil.js';

/** The lines vigil itself printed on stderr (log lines are JSON and start with `{`). */
const ownLines = (stderr: string) =>
  stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{'));
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

interface Running {
  child: ChildProcess;
  stderr(): string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>, cwd?: string): Running {
  const child = startVigil(args, { env, ...(cwd ? { cwd } : {}) });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

/** A catalogue with no sources, so `vigil run` polls nothing outside loopback. */
function emptyCatalogue(dir: string): string {
  const file = path.join(dir, 'sources.json');
  writeFileSync(file, JSON.stringify({ sources: [] }));
  return file;
}

let feed: FeedServer;
beforeAll(async () => {
  feed = await startFeedServer('Minsk Daily');
});
afterAll(() => feed.close());

describe('finding 1: poll intervals are 60 to 86,400 s everywhere, checked before any network call', () => {
  it('sources add and sources import refuse --interval 3000000 with exit 2, fetching nothing', () => {
    const dir = tempDir();
    const env = { VIGIL_DB: path.join(dir, 'v.db'), VIGIL_ALLOW_PRIVATE_FEEDS: '1' };
    const before = feed.requests;
    const add = runVigil(['sources', 'add', feed.url, '--interval', '3000000'], { env });
    expect(add.status).toBe(2);
    expect(ownLines(add.stderr)).toEqual([
      'vigil: --interval must be a whole number of seconds from 60 to 86400 (got 3000000)',
    ]);
    expect(feed.requests).toBe(before);

    const opml = path.join(dir, 'feeds.opml');
    writeFileSync(
      opml,
      `<opml version="2.0"><body><outline text="Minsk" xmlUrl="${feed.url}"/></body></opml>`,
    );
    const imported = runVigil(['sources', 'import', opml, '--interval', '3000000'], { env });
    expect(imported.status).toBe(2);
    expect(ownLines(imported.stderr)).toHaveLength(1);
    const listed = runVigil(['sources', 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it('a VIGIL_SOURCES entry polled every 3,000,000 s stops start-up with one line naming it', () => {
    const dir = tempDir();
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(
      catalogue,
      JSON.stringify({
        sources: [{ id: 'local', name: 'Local', url: feed.url, intervalSeconds: 3_000_000 }],
      }),
    );
    const result = runVigil(['poll', '--once'], {
      env: { VIGIL_DB: path.join(dir, 'v.db'), VIGIL_SOURCES: catalogue, VIGIL_ALLOW_PRIVATE_FEEDS: '1' },
    });
    expect(result.status).toBe(2);
    const lines = ownLines(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('VIGIL_SOURCES');
    expect(lines[0]).toContain(
      'sources.0.intervalSeconds must be a whole number of seconds from 60 to 86400',
    );
  });
});

describe('finding 2: a chat token the platform rejects at start-up', () => {
  it('Telegram: exit 2 with one line naming TELEGRAM_BOT_TOKEN, never the token', async () => {
    const telegram = await startFakeTelegramApi();
    const dir = tempDir();
    const token = '999:wrong-token-value';
    const vigil = run(['run'], {
      VIGIL_DB: path.join(dir, 'v.db'),
      VIGIL_SOURCES: emptyCatalogue(dir),
      VIGIL_HTTP_PORT: String(await freePort()),
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    try {
      expect(await vigil.exited).toBe(2);
      expect(ownLines(vigil.stderr())).toEqual([
        'vigil: Telegram rejected TELEGRAM_BOT_TOKEN (401): check it with @BotFather',
      ]);
      expect(vigil.stderr()).not.toContain('wrong-token-value');
      noStack(vigil.stderr());
    } finally {
      vigil.child.kill('SIGKILL');
      await telegram.close();
    }
  });

  it('Slack: exit 2 with one line naming SLACK_BOT_TOKEN, never the token', async () => {
    const slack = await startFakeSlackApi({ token: 'xoxb-the-right-one' });
    const dir = tempDir();
    const vigil = run(['run'], {
      VIGIL_DB: path.join(dir, 'v.db'),
      VIGIL_SOURCES: emptyCatalogue(dir),
      VIGIL_HTTP_PORT: String(await freePort()),
      SLACK_BOT_TOKEN: 'xoxb-a-wrong-one',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      expect(await vigil.exited).toBe(2);
      const lines = ownLines(vigil.stderr());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^vigil: Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)/);
      expect(vigil.stderr()).not.toContain('xoxb-a-wrong-one');
    } finally {
      vigil.child.kill('SIGKILL');
      await slack.close();
    }
  });

  it('an unreachable platform is retried with backoff and said so; vigil keeps running (and finding 8: start log, metrics)', async () => {
    const dir = tempDir();
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(
      catalogue,
      JSON.stringify({
        sources: [
          { id: 'local', name: 'Local', url: feed.url, intervalSeconds: 600 },
          { id: 'quiet', name: 'Quiet', url: `${feed.url}?q`, intervalSeconds: 600, paused: true },
        ],
      }),
    );
    const port = await freePort();
    const vigil = run(['run'], {
      VIGIL_DB: path.join(dir, 'v.db'),
      VIGIL_SOURCES: catalogue,
      VIGIL_HTTP_PORT: String(port),
      VIGIL_ALLOW_PRIVATE_FEEDS: '1',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}/`,
    });
    try {
      const retries = () =>
        vigil
          .stderr()
          .split('\n')
          .filter((line) => line.includes('"chat platform unreachable at start-up: retrying"'))
          .map((line) => JSON.parse(line) as { platform: string; attempt: number; retryInMs: number });
      await waitFor(async () => (retries().length >= 2 ? true : undefined), 'two retries');
      expect(
        retries()
          .slice(0, 2)
          .map((line) => [line.platform, line.attempt]),
      ).toEqual([
        ['telegram', 1],
        ['telegram', 2],
      ]);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({
        status: 'unavailable',
        checks: { database: 'ok', telegram: 'unavailable' },
      });
      const running = vigil
        .stderr()
        .split('\n')
        .find((line) => line.includes('"vigil running"'));
      expect(JSON.parse(running ?? '{}')).toMatchObject({ sources: '1 active, 1 paused: quiet' });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('vigil_process_cpu_user_seconds_total');
      expect(metrics).not.toContain('process_process');
    } finally {
      vigil.child.kill('SIGINT');
    }
    expect(await vigil.exited).toBe(0);
    noStack(vigil.stderr());
  });
});

describe('finding 3: configuration errors are one line naming what and where, exit 2', () => {
  it('a port in use names VIGIL_HTTP_PORT', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '0.0.0.0', resolve));
    const port = (busy.address() as AddressInfo).port;
    const dir = tempDir();
    try {
      const vigil = run(['run'], {
        VIGIL_DB: path.join(dir, 'v.db'),
        VIGIL_SOURCES: emptyCatalogue(dir),
        VIGIL_HTTP_PORT: String(port),
      });
      expect(await vigil.exited).toBe(2);
      expect(ownLines(vigil.stderr())).toEqual([
        `vigil: VIGIL_HTTP_PORT ${port} is already in use by another program: stop it or choose another port`,
      ]);
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });

  it.each([
    [
      'an unreadable VIGIL_SOURCES',
      (dir: string) => ({ VIGIL_SOURCES: path.join(dir, 'missing.json') }),
      'VIGIL_SOURCES',
    ],
    [
      'a malformed VIGIL_SOURCES',
      (dir: string) => {
        writeFileSync(path.join(dir, 'bad.json'), '{"sources": [');
        return { VIGIL_SOURCES: path.join(dir, 'bad.json') };
      },
      'VIGIL_SOURCES',
    ],
    ['a VIGIL_DB that is a folder', (dir: string) => ({ VIGIL_DB: dir }), 'VIGIL_DB'],
    [
      'a VIGIL_DB under a file',
      (dir: string) => {
        writeFileSync(path.join(dir, 'plain'), 'x');
        return { VIGIL_DB: path.join(dir, 'plain', 'vigil.db') };
      },
      'VIGIL_DB',
    ],
  ])('%s', (_what, env: (dir: string) => Record<string, string>, variable) => {
    const dir = tempDir();
    const result = runVigil(['poll', '--once'], { env: { VIGIL_DB: path.join(dir, 'v.db'), ...env(dir) } });
    expect(result.status).toBe(2);
    const lines = ownLines(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).not.toContain('unexpected error');
  });

  // Passes once the store branch (a corrupt SQLite file is a ConfigError naming VIGIL_DB) is merged
  // with this one: this branch makes every ConfigError one line and exit 2.
  it('a corrupt database file: one line naming VIGIL_DB, exit 2, the file left as it was', () => {
    const dir = tempDir();
    const db = path.join(dir, 'vigil.db');
    const garbage = Buffer.from('this is not a SQLite database, just some bytes\n'.repeat(100));
    writeFileSync(db, garbage);
    const result = runVigil(['search', 'x'], { env: { VIGIL_DB: db } });
    expect(readFileSync(db).equals(garbage)).toBe(true);
    const lines = ownLines(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('VIGIL_DB');
    expect(result.status).toBe(2);
  });
});

describe('finding 4: classify and eval read line by line', () => {
  it('classify answers each line as it arrives, before the input ends', async () => {
    const child = spawn(process.execPath, [vigilBin, 'classify'], { env: testEnv({}), stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      child.stdin.write('{"id":"1","title":"EU extends sanctions on Belaruskali","text":""}\n');
      await waitFor(async () => (out.includes('"id":"1"') ? true : undefined), 'the first answer', 15_000);
      child.stdin.end('{"id":"2","title":"Weather","text":"Sunny"}\n');
      expect(await exited).toBe(0);
      expect(out.trim().split('\n')).toHaveLength(2);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('classify names a line over the limit, skips it, accepts a BOM and echoes no control characters', () => {
    const input = [
      '\uFEFF{"id":"a","title":"Political prisoner released","text":""}',
      `{"id":"big","title":"${'x'.repeat(5 * 1024 * 1024)}"}`,
      '{"id":"b\\u001b[2J\u009b","title":"Sanctions","text":""}',
      'garbage \u001b]0;pwned\u0007 here',
      '',
    ].join('\n');
    const result = runVigil(['classify'], { env: {}, input });
    expect(result.status).toBe(1);
    const outputs = result.stdout.trim().split('\n');
    expect(outputs.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['a', 'b\u001b[2J\u009b']);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stderr).not.toMatch(CONTROL);
    expect(result.stderr).toContain('line 2: longer than 4 MiB; skipped');
    expect(result.stderr).toMatch(/line 4: not valid JSON/);
  });

  it('eval names a garbage line instead of a stack, and an empty file is an error, not 1.000', () => {
    const dir = tempDir();
    const garbage = path.join(dir, 'garbage.jsonl');
    writeFileSync(garbage, '{"id":"1","title":"Sanctions","text":"","labels":["sanctions"]}\nnot json\n');
    const bad = runVigil(['eval', garbage], { env: {} });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${garbage} line 2: not valid JSON`);
    expect(bad.stderr).toContain('1 line could not be read; no score');
    noStack(bad.stderr);

    const empty = path.join(dir, 'empty.jsonl');
    writeFileSync(empty, '\n');
    const none = runVigil(['eval', empty], { env: {} });
    expect(none.status).toBe(1);
    expect(none.stdout).not.toContain('1.000');
    expect(none.stderr).toContain('holds no labelled items');
  });
});

describe('finding 5: search on the command line', () => {
  const dir = tempDir();
  const env = { VIGIL_DB: path.join(dir, 'vigil.db') };
  beforeAll(() => {
    const feeds = ['charter97.xml', 'pozirk.xml'].map((name) => seedsPath('feeds', name));
    expect(runVigil(['ingest', ...feeds], { env }).status).toBe(0);
  });

  it('takes words starting with - after the query as exclusions', () => {
    const result = runVigil(['search', 'lukashenka', '-football', '--json'], { env });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(2);
    const excluded = runVigil(['search', 'lukashenka', '-trump', '--json'], { env });
    expect((JSON.parse(excluded.stdout) as { title: string }[]).map((hit) => hit.title)).toEqual([
      expect.stringContaining('Loopholes'),
    ]);
  });

  it('refuses a huge --page in one line (exit 2); page 2 of one page says so', () => {
    const huge = runVigil(['search', 'lukashenka', '--page', '99999999999999999999'], { env });
    expect(huge.status).toBe(2);
    expect(ownLines(huge.stderr)).toEqual([
      "vigil: option '--page <n>' argument '99999999999999999999' is invalid. --page must be from 1 to 200 (see --help)",
    ]);
    const past = runVigil(['search', 'lukashenka', '--page', '2'], { env });
    expect(past.status).toBe(0);
    expect(past.stdout).toContain('page 2 is past the last page: 2 items match, 1 page of 10');
  });

  it('an unknown filter says which filters exist', () => {
    const result = runVigil(['search', 'title:potash'], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'there is no filter "title:"; the filters are topic: source: lang: since: until:',
    );
  });
});

describe('finding 7: export leaves out the file:// sources ingest creates', () => {
  it('exports only web sources', () => {
    const dir = tempDir();
    const env = { VIGIL_DB: path.join(dir, 'vigil.db') };
    expect(runVigil(['ingest', seedsPath('feeds', 'pozirk.xml')], { env }).status).toBe(0);
    const exported = runVigil(['sources', 'export'], { env });
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('<opml');
    expect(exported.stdout).not.toContain('file://');
  });
});

describe('finding 8: small things users notice', () => {
  it('--version prints the version', () => {
    const pkg = JSON.parse(readFileSync(path.join(path.dirname(vigilBin), '..', 'package.json'), 'utf8'));
    const result = runVigil(['--version'], { env: {} });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(`vigil ${pkg.version}`);
  });

  it('a reader that stops early (| head) ends vigil quietly', async () => {
    const dir = tempDir();
    const env = { VIGIL_DB: path.join(dir, 'vigil.db') };
    expect(runVigil(['ingest', seedsPath('feeds', 'pozirk.xml')], { env }).status).toBe(0);
    const child = spawn(process.execPath, [vigilBin, 'sources', 'list'], {
      env: testEnv(env),
      stdio: 'pipe',
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('a malformed .env line is named by its number and does not swallow the next variable', () => {
    const dir = tempDir();
    const db = path.join(dir, 'from-dotenv.db');
    writeFileSync(path.join(dir, '.env'), `TELEGRAM_BOT_TOKEN="123:unclosed\nVIGIL_DB=${db}\n`);
    const result = runVigil(['sources', 'list'], { env: {}, cwd: dir });
    expect(result.status).toBe(0);
    expect(ownLines(result.stderr)).toEqual([
      'vigil: warning: .env line 1: TELEGRAM_BOT_TOKEN: the quote is not closed on this line; the line is ignored',
    ]);
    expect(result.stderr).not.toContain('unclosed');
    expect(existsSync(db)).toBe(true);
  });
});
