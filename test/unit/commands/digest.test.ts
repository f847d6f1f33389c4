// The digest chat commands: anyone gets the last day on demand; admins schedule it (daily or weekly,
// in a time zone) or stop it, each change audited; a wrong form gets what was wrong and the right one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/command.js';
import { handleCommand } from '../../../src/commands/handle-command.js';
import { replyCard } from '../../../src/commands/reply.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { fixedClock, item, makeDeps, makeRequest, makeStore, textOf } from './fixtures.js';

const CHANNEL = { platform: 'telegram', channelId: '-1001' } as const;
const NOW = '2026-12-04T12:00:00.000Z';
const admin = (text: string) => makeRequest(text, { userId: '1' });
const member = (text: string) => makeRequest(text, { userId: '42', platformAdmin: false });
const cardText = (reply: Awaited<ReturnType<typeof handleCommand>>) =>
  JSON.stringify(replyCard(reply).blocks);

let store: CorpusStore;
let deps: CommandDeps;

beforeEach(async () => {
  store = await makeStore();
  deps = makeDeps(store, { clock: fixedClock(NOW) });
});
afterEach(() => store.close());

describe('digest daily|weekly|off (admins)', () => {
  it('schedules the digest, says when the next comes in local time and UTC, and audits it', async () => {
    const reply = await handleCommand(admin('digest daily 09:00 Europe/Minsk'), deps);
    expect(reply.isError).toBeFalsy();
    expect(textOf(reply)).toContain('daily at 09:00 (Europe/Minsk)');
    expect(textOf(reply)).toContain('The next: 5 Dec 09:00 (2026-12-05 06:00 UTC)');
    expect(textOf(reply)).toContain('follows no topic or watch yet');
    expect(await store.getDigestSchedule(CHANNEL)).toEqual({
      channel: CHANNEL,
      cadence: 'daily',
      weekday: null,
      time: '09:00',
      timeZone: 'Europe/Minsk',
      author: 'telegram:1',
      since: NOW,
    });
    const off = await handleCommand(admin('digest off'), deps);
    expect(textOf(off)).toContain('stopped (it was daily at 09:00 (Europe/Minsk))');
    expect(await store.getDigestSchedule(CHANNEL)).toBeNull();
    const audit = await store.listAudit({ limit: 5 });
    expect(audit.map((entry) => [entry.action, entry.actor, entry.details])).toEqual([
      [
        'channel.digest',
        'telegram:1',
        { before: { digest: 'daily at 09:00 (Europe/Minsk)' }, after: { digest: 'off' } },
      ],
      [
        'channel.digest',
        'telegram:1',
        { before: { digest: 'off' }, after: { digest: 'daily at 09:00 (Europe/Minsk)' } },
      ],
    ]);
  });

  it('changes a weekly schedule, defaulting to UTC; the same schedule again changes nothing', async () => {
    await handleCommand(admin('digest weekly monday 08:00'), deps);
    const again = await handleCommand(admin('digest weekly Mon 08:00 UTC'), deps);
    expect(textOf(again)).toContain('already gets a digest weekly on Monday at 08:00 (UTC); nothing changed');
    expect(await store.listAudit({ limit: 5 })).toHaveLength(1);
    expect(textOf(await handleCommand(admin('digest off'), deps))).toContain('stopped');
    expect((await handleCommand(admin('digest off'), deps)).lines).toEqual([
      'This chat has no scheduled digest; nothing changed.',
    ]);
  });

  it.each([
    ['digest daily 9', '`9` is not a time: use 24-hour HH:MM, like 09:00.'],
    ['digest daily 09:00 Minsk', '`Minsk` is not a time zone: use an IANA name like Europe/Minsk or UTC.'],
    ['digest weekly someday 09:00', '`someday` is not a day of the week.'],
    ['digest hourly', '`digest hourly` is not a command: say daily, weekly or off.'],
  ])('`%s` says what was wrong and shows the right form; nothing is stored', async (text, error) => {
    const reply = await handleCommand(admin(text), deps);
    expect(reply.isError).toBe(true);
    expect(reply.lines[0]).toBe(error);
    expect(reply.lines).toContain('/digest daily HH:MM [time zone], e.g. digest daily 09:00 Europe/Minsk');
    expect(await store.listDigestSchedules()).toEqual([]);
  });

  it('is refused to members who are not admins', async () => {
    const reply = await handleCommand(member('digest daily 09:00'), deps);
    expect(reply.isError).toBe(true);
    expect(textOf(reply)).toContain("can schedule this chat's digests; nothing was changed");
    expect(await store.listDigestSchedules()).toEqual([]);
  });
});

describe('digest (anyone)', () => {
  it("answers with the last day's stories of this chat's topics and watches, grouped by topic", async () => {
    await store.saveChannel({ ...CHANNEL, topics: ['prisoners'], sources: [], languages: [] }, NOW);
    await store.addWatch({
      channel: CHANNEL,
      expression: 'Belaruskali',
      author: 'telegram:1',
      createdAt: NOW,
    });
    await store.insertItems([
      item({
        title: 'Viasna: 1,100 political prisoners',
        labels: ['prisoners'],
        publishedAt: '2026-12-04T08:00:00.000Z',
      }),
      item({
        title: 'Potash: Belaruskali exports fall',
        labels: [],
        publishedAt: '2026-12-04T09:00:00.000Z',
      }),
      item({
        title: 'EU sanctions on airlines',
        labels: ['sanctions'],
        publishedAt: '2026-12-04T10:00:00.000Z',
      }),
      item({ title: 'Old prisoners news', labels: ['prisoners'], publishedAt: '2026-12-02T10:00:00.000Z' }),
    ]);
    const reply = await handleCommand(member('digest'), deps);
    expect(reply.isError).toBeFalsy();
    const text = cardText(reply);
    expect(text).toContain('Digest 3 Dec 12:00 – 4 Dec 12:00 (UTC)');
    expect(text).toContain('2 stories from 2 items. By topic: prisoners 1, other 1.');
    expect(text).toContain('Viasna: 1,100 political prisoners');
    expect(text).toContain('Belaruskali exports fall');
    expect(text).not.toContain('EU sanctions on airlines');
    expect(text).not.toContain('Old prisoners news');
    expect(text).toContain(
      'No scheduled digest; an admin can set one, e.g. /digest daily 09:00 Europe/Minsk',
    );
  });

  it('says so when nothing is new, and shows the schedule in stats and help', async () => {
    await handleCommand(admin('digest daily 18:30 Europe/Warsaw'), deps);
    const reply = await handleCommand(member('digest'), deps);
    expect(textOf(reply)).toContain('Nothing new for this chat in the last 24 hours');
    expect(textOf(reply)).toContain('Scheduled digest: daily at 18:30 (Europe/Warsaw); next: 4 Dec 18:30');
    expect(textOf(await handleCommand(member('stats'), deps))).toContain(
      'Scheduled digest: daily at 18:30 (Europe/Warsaw); next: 4 Dec 18:30',
    );
    expect(textOf(await handleCommand(member('help'), deps))).toContain("This chat's digest: daily at 18:30");
    const help = textOf(await handleCommand(member('help digest'), deps));
    expect(help).toContain('/digest: the last 24 hours');
    expect(help).toContain('/digest off');
  });
});
