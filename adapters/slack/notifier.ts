/**
 * The Slack Notifier: alerts and replies via chat.postMessage, a card with a picture as a file upload
 * with the card as its message; Slack's refusals mapped to vigil's errors.
 */
import type { Card } from '../../src/cards/card.js';
import { shortLine } from '../../src/cards/clean-text.js';
import { PermanentError, PlatformRateLimitError, VigilError } from '../../src/errors.js';
import type { DeliveryMark, Logger, Notifier, SentMessage } from '../../src/ports.js';
import type { SlackWebClient } from './client.js';
import { deliveryMetadata } from './find-delivered.js';
import { slackPlatform } from './platform.js';
import { renderCard, type SlackMessage } from './render.js';

/**
 * Refusals that another attempt cannot fix (slack-api-ref chat.postMessage), with what the operator
 * should do. The delivery job unsubscribes a channel on PermanentError, so this stays narrow.
 */
const PERMANENT: Record<string, string> = {
  channel_not_found:
    'the channel does not exist or the bot cannot see it; for a private channel, invite the bot',
  not_in_channel: 'invite the bot to the channel (/invite @vigil)',
  is_archived: 'the channel is archived',
};

/** Refusals worth a hint that are not the channel's fault: retried, never a reason to unsubscribe. */
// A token problem is workspace-wide: treating it as permanent would unsubscribe every channel.
const HINTS: Record<string, string> = {
  not_authed: 'SLACK_BOT_TOKEN was not sent',
  invalid_auth: 'check SLACK_BOT_TOKEN',
  account_inactive:
    'the app was uninstalled or its token deactivated; reinstall it and update SLACK_BOT_TOKEN',
  token_revoked: 'the token was revoked; reinstall the app and update SLACK_BOT_TOKEN',
  missing_scope: 'add the missing bot scope (see adapters/slack/manifest.yml) and reinstall the app',
  invalid_blocks: 'Slack refused the message layout (a vigil bug: please report it)',
  msg_too_long: 'the message is too long (a vigil bug: please report it)',
  no_text: 'the message was empty (a vigil bug: please report it)',
  file_uploads_disabled: 'the workspace has turned file uploads off; the chart cannot be shown',
};

/** An HTTP-200 `ratelimited` carries no Retry-After; wait as long as a workspace-wide cap needs. */
const DEFAULT_RETRY_AFTER_MS = 30_000;

interface SlackSdkError {
  code?: unknown;
  retryAfter?: unknown;
  data?: { error?: unknown };
  statusCode?: unknown;
}

/** Turns a WebClient failure into PlatformRateLimitError, PermanentError or a retryable VigilError. */
export function toVigilError(error: unknown, channelId: string): Error {
  const sdk = (typeof error === 'object' && error !== null ? error : {}) as SlackSdkError;
  if (sdk.code === 'slack_webapi_rate_limited_error' && typeof sdk.retryAfter === 'number') {
    return new PlatformRateLimitError('slack', sdk.retryAfter * 1000);
  }
  if (sdk.code === 'slack_webapi_platform_error' && typeof sdk.data?.error === 'string') {
    const code = sdk.data.error;
    if (code === 'ratelimited' || code === 'rate_limited')
      return new PlatformRateLimitError('slack', DEFAULT_RETRY_AFTER_MS);
    const hint = PERMANENT[code];
    if (hint)
      return new PermanentError(`Slack refused to post to ${channelId} (${code}): ${hint}`, { cause: error });
    const note = HINTS[code] ? `: ${HINTS[code]}` : '';
    return new VigilError('slack-api', `Slack refused to post to ${channelId} (${code})${note}`, {
      cause: error,
    });
  }
  if (sdk.code === 'slack_webapi_http_error') {
    const status = typeof sdk.statusCode === 'number' ? sdk.statusCode : 0;
    const advice = status >= 500 ? 'Slack is having trouble' : 'check SLACK_API_URL';
    return new VigilError('slack-http', `Slack answered HTTP ${status} (${advice})`, { cause: error });
  }
  return new VigilError('slack-network', `Slack could not be reached to post to ${channelId}`, {
    cause: error,
  });
}

/** Slack's limit on a file's alt text (files.getUploadURLExternal). */
const MAX_ALT_TEXT = 1000;

export function createSlackNotifier(client: SlackWebClient, log: Logger): Notifier {
  function failed(error: unknown, channelId: string): Error {
    const mapped = toVigilError(error, channelId);
    if (mapped instanceof PlatformRateLimitError) {
      log.warn({ channelId, retryAfterMs: mapped.retryAfterMs }, 'slack rate limited');
    }
    return mapped;
  }

  /**
   * files.getUploadURLExternal → POST of the bytes to the upload_url → files.completeUploadExternal
   * with the channel and the rendered card as the file's message (blocks, not initial_comment,
   * which would make Slack ignore them), through WebClient's filesUploadV2. Needs files:write.
   */
  async function upload(channelId: string, card: Card, png: Uint8Array, alt: string): Promise<SentMessage> {
    const message = renderCard(card);
    try {
      const result = await client.filesUploadV2({
        channel_id: channelId,
        file: Buffer.isBuffer(png) ? png : Buffer.from(png.buffer, png.byteOffset, png.byteLength),
        filename: 'chart.png',
        title: shortLine(card.summary, 200) || 'chart',
        alt_text: shortLine(alt, MAX_ALT_TEXT),
        blocks: message.blocks,
      });
      const completed = result.files as readonly { files?: readonly { id?: string }[] }[] | undefined;
      return { messageId: completed?.[0]?.files?.[0]?.id ?? '' };
    } catch (error) {
      throw failed(error, channelId);
    }
  }

  async function post(channelId: string, message: SlackMessage, mark?: DeliveryMark): Promise<SentMessage> {
    try {
      // Link previews of feed URLs would add unvetted third-party content under our alert.
      const result = await client.chat.postMessage({
        channel: channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        // The outbox's key travels with the message, so a delivery in doubt can be found again.
        ...(mark ? { metadata: deliveryMetadata(mark.key) } : {}),
      });
      return { messageId: result.ts ?? '' };
    } catch (error) {
      throw failed(error, channelId);
    }
  }
  return {
    platform: slackPlatform.name,
    send: (channelId: string, card: Card, mark?: DeliveryMark) => {
      // A file's message carries no metadata: an upload in doubt cannot be found again, only resent.
      const image = card.blocks.find((block) => block.type === 'image');
      return image?.type === 'image'
        ? upload(channelId, card, image.png, image.alt)
        : post(channelId, renderCard(card), mark);
    },
  };
}
