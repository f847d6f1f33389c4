// Dependencies point inward (design.md): src/ imports neither adapters/ nor jobs/ nor any chat or
// queue SDK nor a database driver (adapters/db holds those); jobs/ and the chat adapters do not
// import each other; only adapters/cli wires them all. And src/ and jobs/ never name a chat
// platform: adapters declare theirs and the composition root registers them (issue 13).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/paths.js';
import { platformNames } from '../../../src/platforms/registry.js';

function sourceFiles(dir: string): string[] {
  const root = path.join(packageRoot, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) return sourceFiles(path.join(dir, name));
    return name.endsWith('.ts') ? [path.join(dir, name)] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(packageRoot, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '');
}

function resolved(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.normalize(path.join(path.dirname(file), specifier)) : specifier;
}

const SDKS = ['telegraf', '@slack/bolt', '@slack/web-api', 'bullmq', 'ioredis', 'pino', 'prom-client'];
const DRIVERS = ['better-sqlite3', 'pg'];
const isPackage = (target: string, name: string) => target === name || target.startsWith(`${name}/`);

describe('dependency direction', () => {
  it('src/ imports no adapter, no job and no chat, queue, logging or metrics library', () => {
    const offending = sourceFiles('src').flatMap((file) =>
      imports(file)
        .map((specifier) => resolved(file, specifier))
        .filter(
          (target) =>
            target.startsWith('adapters') ||
            target.startsWith('jobs') ||
            [...SDKS, ...DRIVERS].some((sdk) => isPackage(target, sdk)),
        )
        .map((target) => `${file} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('jobs/ imports no adapter, and chat adapters import no job', () => {
    const fromJobs = sourceFiles('jobs').flatMap((file) =>
      imports(file)
        .map((specifier) => resolved(file, specifier))
        .filter((target) => target.startsWith('adapters'))
        .map((target) => `${file} → ${target}`),
    );
    const chat = ['adapters/slack', 'adapters/telegram', 'adapters/console'].flatMap((dir) =>
      sourceFiles(dir),
    );
    const fromAdapters = chat.flatMap((file) =>
      imports(file)
        .map((specifier) => resolved(file, specifier))
        .filter((target) => target.startsWith('jobs'))
        .map((target) => `${file} → ${target}`),
    );
    expect([...fromJobs, ...fromAdapters]).toEqual([]);
  });

  it('src/ loads no chart library or font: they stay in adapters/charts', () => {
    const heavy = ['vega', 'vega-lite', '@resvg/resvg-js', 'dejavu-fonts-ttf'];
    const offending = sourceFiles('src').flatMap((file) =>
      imports(file)
        .filter((specifier) => heavy.some((name) => specifier === name || specifier.startsWith(`${name}/`)))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('only adapters/db imports the database drivers', () => {
    const users = [...sourceFiles('src'), ...sourceFiles('jobs'), ...sourceFiles('adapters')].filter((file) =>
      imports(file).some((specifier) => DRIVERS.some((driver) => isPackage(specifier, driver))),
    );
    expect(users.every((file) => file.startsWith(path.join('adapters', 'db')))).toBe(true);
    expect(users.length).toBeGreaterThan(0);
  });

  it('only jobs/runners/bullmq-runner.ts imports bullmq', () => {
    const users = [...sourceFiles('jobs'), ...sourceFiles('adapters')].filter((file) =>
      imports(file).some((specifier) => specifier === 'bullmq'),
    );
    expect(users.every((file) => file === path.join('jobs', 'runners', 'bullmq-runner.ts'))).toBe(true);
  });
});

/** The code of a file without its comments (a comment may give a platform as an example). */
function code(file: string): string {
  return readFileSync(path.join(packageRoot, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('platform neutrality', () => {
  it('no file in src/ or jobs/ names a chat platform', () => {
    const names = [...new Set(['slack', 'telegram', ...platformNames()])];
    expect(names).toContain('console');
    const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'i');
    const offending = [...sourceFiles('src'), ...sourceFiles('jobs')].flatMap((file) =>
      code(file)
        .split('\n')
        .map((text, index) => ({ text, index }))
        .filter(({ text }) => pattern.test(text))
        .map(({ text, index }) => `${file}:${index + 1}: ${text.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
