/** POST /slack/events on vigil's own HTTP server: verify Slack's signature, parse, hand to bolt, ack. */
import type http from 'node:http';
import type { ReceiverEvent } from '@slack/bolt';
import { describeError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';
import { BodyTooLargeError, readBody } from '../http/read-body.js';
import type { RouteHandler } from '../http/server.js';
import { verifySlackRequest } from './verify-request.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack's own payloads are small; a block_actions body echoes the message (≤50 blocks), well under this. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Slack shows the user an error when a command is not acknowledged in 3 s (bolt waits 3001 ms). */
const ACK_DEADLINE_MS = 3001;

/**
 * Slack sends exactly `application/x-www-form-urlencoded` for commands and interactivity, and bolt
 * parses a form only on that exact string (HTTPModuleFunctions); we also accept it with parameters.
 */
function isForm(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

export interface EventsRouteOptions {
  signingSecret: string;
  log: Logger;
  /** Hands a verified request to bolt (`app.processEvent`); resolves when its listeners are done. */
  dispatch(event: ReceiverEvent): Promise<void>;
  /** False until the app has been initialised (auth.test done): requests get 503 meanwhile. */
  ready(): boolean;
  now?: () => number;
}

export interface EventsRoute {
  handle: RouteHandler;
  /** Resolves when every request in progress has finished (for a graceful stop). */
  drain(): Promise<void>;
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Slash commands arrive as a flat form; interactivity as a form with one JSON `payload` field. */
export function parseSlackBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (isForm(contentType)) {
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload !== null) return asObject(JSON.parse(payload));
    return Object.fromEntries(form.entries());
  }
  return asObject(JSON.parse(text));
}

/** A slash command names its text, channel and user (an empty text is still a string). */
const COMMAND_FIELDS = ['text', 'channel_id', 'user_id'] as const;

function missingCommandFields(body: Record<string, unknown>): string[] {
  if (body.command === undefined) return [];
  if (typeof body.command !== 'string') return ['command'];
  return COMMAND_FIELDS.filter((field) => typeof body[field] !== 'string');
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SyntaxError('not an object');
  return value as Record<string, unknown>;
}

function send(response: http.ServerResponse, status: number, body = '', contentType = 'text/plain'): void {
  if (response.headersSent) return;
  response.writeHead(status, body ? { 'content-type': contentType } : {});
  response.end(body);
}

export function createEventsRoute(options: EventsRouteOptions): EventsRoute {
  const { log } = options;
  const now = options.now ?? Date.now;
  const inFlight = new Set<Promise<void>>();

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== SLACK_EVENTS_PATH) return false;
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      send(response, 405, 'method not allowed\n');
      return true;
    }
    let raw: Buffer;
    try {
      raw = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        log.warn({ limitBytes: MAX_BODY_BYTES }, 'slack request body too large: refused');
        send(response, 413, 'payload too large\n');
      } else log.warn({ err: describeError(error) }, 'slack request body unreadable');
      return true;
    }
    const contentType = header(request, 'content-type');

    const verdict = verifySlackRequest({
      signingSecret: options.signingSecret,
      timestamp: header(request, 'x-slack-request-timestamp'),
      signature: header(request, 'x-slack-signature'),
      rawBody: raw,
      nowMs: now(),
    });
    if (!verdict.ok) {
      // Slack's certificate probe may come unsigned; bolt answers it before verifying. It runs nothing.
      if (isForm(contentType) && new URLSearchParams(raw.toString('utf8')).get('ssl_check') === '1') {
        send(response, 200);
        return true;
      }
      log.warn({ reason: verdict.reason }, 'slack request refused');
      send(response, 401, 'invalid signature\n');
      return true;
    }
    if (!options.ready()) {
      send(response, 503, 'starting\n');
      return true;
    }

    let body: Record<string, unknown>;
    try {
      body = parseSlackBody(raw, contentType);
    } catch {
      log.warn({ contentType }, 'slack request body not parseable');
      send(response, 400, 'bad request\n');
      return true;
    }
    if (body.ssl_check === '1') {
      send(response, 200);
      return true;
    }
    if (body.type === 'url_verification' && typeof body.challenge === 'string') {
      send(response, 200, JSON.stringify({ challenge: body.challenge }), 'application/json');
      return true;
    }
    const missing = missingCommandFields(body);
    if (missing.length > 0) {
      log.warn({ missing }, 'slack command without its fields: refused');
      send(response, 400, 'bad request\n');
      return true;
    }

    const work = dispatch(request, response, body);
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
    return true;
  }

  async function dispatch(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    body: Record<string, unknown>,
  ): Promise<void> {
    let acked = false;
    const kind =
      typeof body.type === 'string' ? body.type : typeof body.command === 'string' ? 'command' : 'unknown';
    const timer = setTimeout(() => {
      if (!acked) log.warn({ kind }, 'slack request not acknowledged within 3 s');
    }, ACK_DEADLINE_MS);
    timer.unref();
    const ack = async (reply?: unknown): Promise<void> => {
      if (acked) return;
      acked = true;
      clearTimeout(timer);
      if (reply === undefined || reply === '') send(response, 200);
      else if (typeof reply === 'string') send(response, 200, reply);
      else send(response, 200, JSON.stringify(reply), 'application/json');
    };
    const retry = header(request, 'x-slack-retry-num');
    try {
      await options.dispatch({
        body,
        ack,
        retryNum: retry === undefined ? undefined : Number(retry),
        retryReason: header(request, 'x-slack-retry-reason'),
      });
    } catch (error) {
      log.error({ kind, err: describeError(error) }, 'slack request failed');
      if (!acked) {
        acked = true;
        send(response, 500, 'internal error\n');
      }
    } finally {
      clearTimeout(timer);
    }
    if (!acked) {
      acked = true;
      log.warn({ kind }, 'slack request had no listener');
      send(response, 404, 'no handler\n');
    }
  }

  return {
    handle,
    drain: async () => {
      await Promise.allSettled([...inFlight]);
    },
  };
}
