/** Items, sources and a channel for the /digest page tests: one story told by two outlets, one item with markup in its title. */
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { figureItem } from './figures-store.js';

export const DIGEST_CHANNEL = { platform: 'console', channelId: 'team' };

const HOUR_MS = 3_600_000;
const STORY =
  'The European Union put Belaruskali director Ivan Golovaty and the Grodno Azot plant on its sanctions list, Brussels said on Tuesday.';

/** Adds to the store at `db`: two outlets, three items of the last hours before `now`, a channel following sanctions and prisoners. */
export async function seedDigestChannel(db: string, now: Date): Promise<void> {
  const store = await createCorpusStore(db);
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR_MS).toISOString();
  try {
    await store.addSource(
      { id: 'charter97', name: 'Charter 97', url: 'http://127.0.0.1:9/c97', intervalSeconds: 600 },
      hoursAgo(48),
    );
    await store.addSource(
      { id: 'voa', name: 'Voice of America', url: 'http://127.0.0.1:9/voa', intervalSeconds: 600 },
      hoursAgo(48),
    );
    await store.insertItems([
      {
        ...figureItem(101, 'EU widens sanctions on Belaruskali', STORY, ['sanctions'], hoursAgo(3)),
        sourceId: 'charter97',
        guid: 'digest-101',
      },
      {
        ...figureItem(102, 'Brussels lists Belaruskali director', STORY, ['sanctions'], hoursAgo(2)),
        sourceId: 'voa',
        guid: 'digest-102',
      },
      {
        ...figureItem(
          103,
          'Court <script>alert(1)</script> sentences activist',
          'A court in Minsk sentenced the activist to four years.',
          ['prisoners'],
          hoursAgo(1),
        ),
        sourceId: 'charter97',
        guid: 'digest-103',
      },
    ]);
    await store.saveChannel(
      { ...DIGEST_CHANNEL, topics: ['sanctions', 'prisoners'], sources: [], languages: [] },
      hoursAgo(48),
    );
  } finally {
    await store.close();
  }
}
