/** Button commands as callback_data (1–64 bytes): short ones inline, long ones kept here under a short key. */
import { randomBytes } from 'node:crypto';

const MAX_BYTES = 64;
const INLINE = 'c:';
const KEYED = 'k:';

export interface CallbackStore {
  /** The callback_data for a button that runs `command`. */
  encode(command: string): string;
  /** The command a pressed button runs, or null when its key has expired (restart, eviction). */
  decode(data: string | undefined): string | null;
}

/** Long commands live in memory (LRU), so their buttons stop working after a restart. */
export function createCallbackStore(capacity = 1000): CallbackStore {
  const keyed = new Map<string, string>();
  return {
    encode(command) {
      if (Buffer.byteLength(INLINE + command) <= MAX_BYTES) return INLINE + command;
      for (const [key, value] of keyed) {
        if (value !== command) continue;
        keyed.delete(key);
        keyed.set(key, value);
        return KEYED + key;
      }
      const key = randomBytes(9).toString('base64url');
      keyed.set(key, command);
      if (keyed.size > capacity) keyed.delete(keyed.keys().next().value ?? '');
      return KEYED + key;
    },
    decode(data) {
      if (data?.startsWith(INLINE)) return data.slice(INLINE.length) || null;
      if (data?.startsWith(KEYED)) {
        const key = data.slice(KEYED.length);
        const command = keyed.get(key);
        if (command === undefined) return null;
        keyed.delete(key);
        keyed.set(key, command);
        return command;
      }
      return null;
    },
  };
}
