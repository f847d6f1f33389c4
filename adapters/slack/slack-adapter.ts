/** The Slack adapter as the composition root uses it: a notifier, an HTTP route, start and stop. */
import type { CommandDeps } from '../../src/commands/command.js';
import type { Logger, Notifier, TimerClock } from '../../src/ports.js';
import type { RouteHandler } from '../http/server.js';
import { createSlackClient } from './client.js';
import { createFindDelivered } from './find-delivered.js';
import { registerInbound } from './inbound.js';
import { createSlackNotifier } from './notifier.js';
import type { SlackConfig } from './settings.js';

const SLACK_TIMEOUT_MS = 10_000;

export interface SlackAdapter {
  /** Posts alerts and replies; usable without start() (worker processes need only this). */
  notifier: Notifier;
  /** POST /slack/events for `startHttpServer({ routes })`; passes everything on in Socket Mode. */
  route: RouteHandler;
  mode: 'http' | 'socket';
  /** Checks the bot token (auth.test) and, in Socket Mode, connects. Until then the route answers 503. */
  start(): Promise<void>;
  /** Refuses new requests and waits for those in progress. */
  stop(): Promise<void>;
}

export interface SlackAdapterOptions {
  /** Waits out short 429s on picture uploads (tests pass a fake clock); default the system clock. */
  clock?: TimerClock;
}

export function createSlackAdapter(
  config: SlackConfig,
  deps: CommandDeps,
  log: Logger,
  options: SlackAdapterOptions = {},
): SlackAdapter {
  const slackLog = log.child({ component: 'slack' });
  const client = createSlackClient(config, slackLog);
  const notifier = createSlackNotifier(client.client, slackLog);
  registerInbound(client.app, deps, slackLog, {
    notifier,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    notifier: {
      ...notifier,
      findDelivered: createFindDelivered(client.client),
      // The Web API client's own timeout (client.ts): an older attempt has ended one way or the other.
      sendTimeoutMs: SLACK_TIMEOUT_MS,
    },
    route: client.route,
    mode: client.mode,
    start: client.start,
    stop: client.stop,
  };
}
