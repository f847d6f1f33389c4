/** Removes the Redis keys a test or benchmark created under its own prefixes (BullMQ's `prefix:*`). */
import { Redis } from 'ioredis';

/** Deletes every Redis key under the given prefixes (and empties the list). */
export async function deletePrefixes(url: string, prefixes: string[]): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  try {
    for (const prefix of prefixes.splice(0)) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
