/**
 * Finds the Redis and PostgreSQL servers integration tests need: TEST_REDIS_URL / TEST_DATABASE_URL,
 * else the usual loopback ports. Absent on a laptop: the suite is skipped with a loud warning.
 * Under CI=true a missing server fails the run instead: integration tests never skip in CI.
 */
import net from 'node:net';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function available(name: string, url: string, defaultPort: number, variable: string): Promise<boolean> {
  if (await reachable(url, defaultPort)) return true;
  const message = `${name} is not reachable at ${url} (set ${variable})`;
  if (process.env.CI === 'true') throw new Error(`${message}: integration tests never skip in CI`);
  process.stderr.write(`\n!!! SKIPPED: ${message}; the tests that need it did not run !!!\n\n`);
  return false;
}

/** True when Redis answers; use as `describe.skipIf(!(await hasRedis()))`. */
export const hasRedis = () => available('Redis', redisUrl, 6379, 'TEST_REDIS_URL');
/** True when PostgreSQL answers; use as `describe.skipIf(!(await hasPostgres()))`. */
export const hasPostgres = () => available('PostgreSQL', databaseUrl, 5432, 'TEST_DATABASE_URL');

/** The path of the shared folder (fixtures, eval) that sits beside the clone. */
export const sharedDir = new URL('../../../shared/', import.meta.url).pathname;
