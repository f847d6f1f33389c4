/** The bolt App built from SlackConfig: HTTP through vigil's own server (a route), or Socket Mode. */
import { App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { ConfigError, describeError, PlatformUnreachableError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';
import type { RouteHandler } from '../http/server.js';
import { toBoltLogger } from './bolt-logger.js';
import { createEventsRoute } from './events-route.js';
import type { SlackConfig } from './settings.js';

export type SlackWebClient = App['client'];

export interface SlackClient {
  app: App;
  /** The Web API client (bot token) that the notifier and the admin check use. */
  client: SlackWebClient;
  mode: 'http' | 'socket';
  /** Mount on vigil's HTTP server; in Socket Mode it passes every request on. */
  route: RouteHandler;
  /** Verifies the bot token (auth.test), then opens the Socket Mode connection if configured. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * bolt's Receiver port fed by our route instead of its own HTTP server, so Slack shares
 * VIGIL_HTTP_PORT with /healthz and /metrics (docs.slack.dev/tools/bolt-js/concepts/receiver).
 */
class RouteReceiver implements Receiver {
  private app: App | null = null;
  started = false;

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    this.started = true;
  }

  async stop(): Promise<void> {
    this.started = false;
  }

  dispatch(event: ReceiverEvent): Promise<void> {
    if (!this.app) return Promise.reject(new Error('slack receiver used before bolt initialised it'));
    return this.app.processEvent(event);
  }
}

const AUTH_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

/** No answer from Slack, or a 5xx or 429 (the Web API's request, HTTP and rate-limit errors): worth retrying. */
function unreachable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return (
    code === 'slack_webapi_request_error' ||
    code === 'slack_webapi_http_error' ||
    code === 'slack_webapi_rate_limited_error'
  );
}

function platformErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('data' in error)) return null;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : null;
}

export function createSlackClient(config: SlackConfig, log: Logger): SlackClient {
  const logger = toBoltLogger(log);
  // Fail fast instead of WebClient's default ten retries over ~30 minutes: the job runner owns retries,
  // and a 429 must surface with its Retry-After (protocols.md 2.4).
  const clientOptions = {
    slackApiUrl: config.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
  // The Socket Mode client calls apps.connections.open at start and at every reconnect. bolt would give
  // it the fail-fast options above, and then one failed request during a reconnect ends Socket Mode
  // with an unhandled rejection; it keeps trying instead, at most 30 s apart.
  const socketClientOptions = {
    slackApiUrl: config.apiUrl,
    timeout: 10_000,
    retryConfig: { forever: true, factor: 1.3, maxTimeout: 30_000 },
  };
  const socketMode = config.appToken !== null;
  const receiver = socketMode ? null : new RouteReceiver();
  // deferInitialization: bolt would otherwise call auth.test in the constructor and leave a rejected
  // promise unobserved until the first event; start() awaits it and explains a bad token instead.
  const app = new App({
    token: config.botToken,
    logger,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
    ...(receiver
      ? { receiver }
      : {
          socketMode: true,
          appToken: config.appToken ?? undefined,
          installerOptions: { clientOptions: socketClientOptions },
        }),
  });
  app.error(async (error) => {
    log.error({ err: describeError(error) }, 'slack listener failed');
  });

  const events = receiver
    ? createEventsRoute({
        signingSecret: config.signingSecret,
        log,
        dispatch: (event) => receiver.dispatch(event),
        ready: () => receiver.started,
      })
    : null;

  return {
    app,
    client: app.client,
    mode: socketMode ? 'socket' : 'http',
    route: events ? events.handle : () => false,
    async start() {
      try {
        await app.init();
      } catch (error) {
        const code = platformErrorCode(error);
        if (code && AUTH_ERRORS.has(code)) {
          throw new ConfigError(
            `Slack rejected SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page`,
            ['SLACK_BOT_TOKEN'],
          );
        }
        if (unreachable(error)) throw new PlatformUnreachableError('slack', { cause: error });
        throw error;
      }
      try {
        await app.start();
      } catch (error) {
        const code = platformErrorCode(error);
        if (socketMode && code && AUTH_ERRORS.has(code)) {
          throw new ConfigError(
            `Slack rejected SLACK_APP_TOKEN (${code}): create an app-level token (xapp-…) with connections:write`,
            ['SLACK_APP_TOKEN'],
          );
        }
        throw error;
      }
      log.info({ mode: socketMode ? 'socket' : 'http' }, 'slack adapter started');
    },
    async stop() {
      await app.stop();
      await events?.drain();
    },
  };
}
