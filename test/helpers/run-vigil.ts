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

/**
 * Root reads and writes every file whatever its mode. To check what vigil does with a file it may not
 * use, a root test process starts vigil through `setpriv` without the two capabilities that let root
 * ignore file modes: vigil then stays root (so it can still read its own tree wherever the clone
 * lives) but gets "permission denied" like any other user.
 */
export const WITHOUT_FILE_OVERRIDE = ['setpriv', '--bounding-set', '-dac_override,-dac_read_search'];

export function runVigil(
  args: string[],
  options: {
    env: Record<string, string>;
    input?: string;
    cwd?: string;
    /** Start vigil through this command (for example WITHOUT_FILE_OVERRIDE). */
    via?: readonly string[];
  },
): VigilResult {
  const command = [...(options.via ?? []), process.execPath, vigilBin, ...args];
  const result = spawnSync(command[0] as string, command.slice(1), {
    cwd: options.cwd ?? packageRoot,
    env: testEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw new Error(`could not start ${command.join(' ')}: ${result.error.message}`);
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
