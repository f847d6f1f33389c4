/** Runs the built command line (`bin/vigil.js`) as a user would; `npm test` builds dist/ first. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../src/paths.js';

export const vigilBin = path.join(packageRoot, 'bin', 'vigil.js');

export interface VigilResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temp folder for one test's database and files. */
export function tempDir(prefix = 'vigil-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** The environment a test runs vigil with: no inherited VIGIL_/chat variables, logs as JSON. */
export function testEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VIGIL_|REDIS_URL|TELEGRAM_|SLACK_)/.test(key)) env[key] = value;
  }
  return { ...env, VIGIL_LOG_LEVEL: 'info', ...extra };
}

/** The unprivileged user (`nobody`) a test runs vigil as when file permissions must hold for root too. */
export const NOBODY = { uid: 65534, gid: 65534 } as const;

export function runVigil(
  args: string[],
  options: {
    env: Record<string, string>;
    input?: string;
    cwd?: string;
    /** Run as this user (the test process must be root). */
    user?: { uid: number; gid: number };
  },
): VigilResult {
  const result = spawnSync(process.execPath, [vigilBin, ...args], {
    cwd: options.cwd ?? packageRoot,
    env: testEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.user ?? {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function startVigil(
  args: string[],
  options: { env: Record<string, string>; cwd?: string },
): ChildProcess {
  return spawn(process.execPath, [vigilBin, ...args], {
    cwd: options.cwd ?? packageRoot,
    env: testEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
