/**
 * GET /digest (the channels, each linked) and GET /digest/<platform>:<channel id> (that channel's
 * latest digest: its last scheduled period, or the last day when it has no schedule, read afresh),
 * for holders of VIGIL_DASHBOARD_TOKEN, like /figures; mounted only when the token is set.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelSettings } from '../../src/corpus/channel-settings.js';
import type { DigestStore } from '../../src/corpus/digest-store.js';
import { digestBlocks, digestTitle } from '../../src/digests/digest-card.js';
import { describeSchedule } from '../../src/digests/digest-schedule.js';
import { type DigestReader, latestChannelDigest } from '../../src/digests/read-digest.js';
import { type ChannelRef, type Clock, channelKey } from '../../src/ports.js';
import { cardBlocksHtml } from './card-html.js';
import { admitted, html, renderPage, sendPage, sendPlain } from './page-shell.js';
import type { RouteHandler } from './server.js';

export const DIGEST_PATH = '/digest';

type DigestPageStore = DigestReader &
  Pick<DigestStore, 'getDigestSchedule' | 'listDigestSchedules'> &
  Pick<ChannelSettings, 'listChannels'>;

const channelPath = (channel: ChannelRef) => `${DIGEST_PATH}/${encodeURIComponent(channelKey(channel))}`;

/** Channels with settings or a digest schedule, by key. */
async function knownChannels(store: DigestPageStore): Promise<ChannelRef[]> {
  const all = [
    ...(await store.listChannels()),
    ...(await store.listDigestSchedules()).map((one) => one.channel),
  ];
  const byKey = new Map(
    all.map((channel) => [channelKey(channel), { platform: channel.platform, channelId: channel.channelId }]),
  );
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, channel]) => channel);
}

function indexPage(channels: readonly ChannelRef[]): string {
  const list =
    channels.length === 0
      ? '<p>No channel follows anything yet: a chat sets its topics, watches or a digest first.</p>'
      : `<nav aria-label="Channels"><ul>${channels.map((channel) => `<li><a href="${html(channelPath(channel))}">${html(channelKey(channel))}</a></li>`).join('')}</ul></nav>`;
  return renderPage({
    title: 'Digests',
    body: `<p>The latest digest of each channel.</p>\n${list}\n<p><a href="/figures">Figures</a></p>`,
  });
}

export function createDigestRoute(deps: {
  store: DigestPageStore;
  token: string;
  clock: Clock;
  topics: readonly string[];
}): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://vigil.invalid');
    if (url.pathname !== DIGEST_PATH && !url.pathname.startsWith(`${DIGEST_PATH}/`)) return false;
    if (!admitted(request, response, deps.token, 'digest')) return true;
    const channels = await knownChannels(deps.store);
    const rest = url.pathname.slice(DIGEST_PATH.length + 1);
    if (rest === '') {
      sendPage(request, response, indexPage(channels));
      return true;
    }
    let key: string;
    try {
      key = decodeURIComponent(rest);
    } catch {
      sendPlain(response, 400, `channel: "${rest}" is not a valid escaped <platform>:<id>`);
      return true;
    }
    const channel = channels.find((known) => channelKey(known) === key);
    if (channel === undefined) {
      sendPlain(
        response,
        404,
        `no channel ${key} follows anything here; the channels are listed at ${DIGEST_PATH}`,
      );
      return true;
    }
    const now = deps.clock.now();
    const schedule = await deps.store.getDigestSchedule(channel);
    const digest = await latestChannelDigest(deps.store, channel, now, deps.topics);
    const when = schedule
      ? `Scheduled digest: ${describeSchedule(schedule)}. This is its latest period, read now (items stored since it was sent are included).`
      : 'No scheduled digest: this is the last 24 hours.';
    const content =
      digest.stories === 0
        ? `<h2>${html(digestTitle(digest))}</h2><p>Nothing new for this channel in this period (its topics and watches).</p>`
        : cardBlocksHtml(digestBlocks(digest));
    const body = `<p>${html(when)}</p>\n<nav aria-label="Pages"><ul><li><a href="${DIGEST_PATH}">All channels</a></li><li><a href="/figures">Figures</a></li></ul></nav>\n<section id="digest" aria-label="Digest">${content}</section>`;
    sendPage(
      request,
      response,
      renderPage({
        title: `Digest for ${channelKey(channel)}`,
        body,
        skipTo: { id: 'digest', label: 'Skip to the digest' },
      }),
    );
    return true;
  };
}
