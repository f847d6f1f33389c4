import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createSendPace } from '../../../src/time/send-pace.js';
import { createFakeClock } from '../../helpers/fake-clock.js';

describe('send pace', () => {
  it('lets `limit` sends through per window, counting each from when it finished, in order', async () => {
    const clock = createFakeClock();
    const pace = createSendPace({ limit: 3, windowMs: 1000 }, clock);
    const started: { id: number; at: number }[] = [];
    const start = clock.now().getTime();
    const sends = Array.from({ length: 7 }, (_, id) =>
      pace(async () => {
        started.push({ id, at: clock.now().getTime() - start });
        return id;
      }),
    );
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(started.map((send) => send.at)).toEqual([0, 0, 0]);
    await clock.advance(999);
    expect(started).toHaveLength(3);
    await clock.advance(1);
    await clock.advance(1000);
    await clock.advance(1000);
    expect(await Promise.all(sends)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(started).toEqual([
      { id: 0, at: 0 },
      { id: 1, at: 0 },
      { id: 2, at: 0 },
      { id: 3, at: 1000 },
      { id: 4, at: 1000 },
      { id: 5, at: 1000 },
      { id: 6, at: 2000 },
    ]);
  });

  it('frees the slot of a failed send too', async () => {
    const clock = createFakeClock();
    const pace = createSendPace({ limit: 1, windowMs: 1000 }, clock);
    await expect(pace(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    const second = pace(async () => 'sent');
    await clock.advance(1000);
    expect(await second).toBe('sent');
  });
});
