/** A complete Source for tests that need one; override what the test is about. */
import type { Source } from '../../src/corpus/corpus-store.js';

export function makeSource(
  overrides: Partial<Omit<Source, 'health'>> & { health?: Partial<Source['health']> } = {},
): Source {
  const { health, ...rest } = overrides;
  const id = rest.id ?? 'zerkalo';
  return {
    id,
    name: id,
    url: `https://example.org/${id}`,
    siteUrl: null,
    kind: 'feed',
    format: 'rss',
    settings: {},
    language: null,
    intervalSeconds: 600,
    paused: false,
    pausedReason: null,
    etag: null,
    lastModified: null,
    addedAt: new Date(0).toISOString(),
    ...rest,
    health: {
      lastAttemptAt: null,
      lastSuccessAt: null,
      consecutiveFailures: 0,
      lastError: null,
      nextPollAfter: null,
      ...health,
    },
  };
}
