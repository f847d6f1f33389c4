/**
 * A local stand-in for Slack's Socket Mode (docs.slack.dev/apis/events-api/using-socket-mode):
 * apps.connections.open hands out one-use WebSocket addresses; the socket says hello, carries
 * envelopes and records their acknowledgements. Other Web API methods go on to the Web API fake.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeSlackSocketOptions {
  /** The Web API fake's `apiUrl`: every method other than apps.connections.open is passed to it. */
  webApiUrl: string;
  /** The app-level token (xapp-…) apps.connections.open accepts. */
  appToken?: string;
}

export interface FakeSocketAck {
  envelopeId: string;
  payload: unknown;
  /** Which connection (1, 2, …) carried the acknowledgement. */
  connection: number;
}

export interface FakeSlashCommand {
  text: string;
  channelId: string;
  userId: string;
  responseUrl: string;
}

export interface FakeSlackSocket {
  /** Pass as SLACK_API_URL. */
  apiUrl: string;
  /** apps.connections.open calls that returned an address. */
  readonly opens: number;
  /** apps.connections.open calls refused for their token. */
  readonly refusals: number;
  /** apps.connections.open calls dropped by `failNextOpens`. */
  readonly failures: number;
  /** Sockets accepted (each with a fresh ticket) and greeted with hello. */
  readonly connections: number;
  acks: FakeSocketAck[];
  /** Envelope ids sent that were never acknowledged. */
  unacknowledged(): string[];
  /** Resolves once connection number `n` (1-based) has been sent its hello. */
  connected(n: number): Promise<void>;
  /** Sends a `slash_commands` envelope on the current socket; resolves with its acknowledgement. */
  sendSlashCommand(command: FakeSlashCommand): Promise<FakeSocketAck>;
  /** Sends `{ type: 'disconnect', reason }`, as Slack does before it recycles a connection. */
  requestDisconnect(reason?: string): void;
  /** Drops the current socket without a close frame, as a lost network does. */
  dropSocket(): void;
  /** The next `count` apps.connections.open requests lose their connection before any answer. */
  failNextOpens(count: number): void;
  close(): Promise<void>;
}

const APP_ID = 'A0FAKE';

export async function startFakeSlackSocket(options: FakeSlackSocketOptions): Promise<FakeSlackSocket> {
  const appToken = options.appToken ?? 'xapp-test-token';
  const events = new EventEmitter();
  const tickets = new Set<string>();
  const acks: FakeSocketAck[] = [];
  const sent = new Set<string>();
  let opens = 0;
  let refusals = 0;
  let connections = 0;
  let failures = 0;
  let failing = 0;
  let current: WebSocket | null = null;

  function json(response: http.ServerResponse, body: unknown): void {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  }

  function forward(request: http.IncomingMessage, response: http.ServerResponse, method: string): void {
    const { host: _host, ...headers } = request.headers;
    const upstream = http.request(
      new URL(method, options.webApiUrl),
      { method: request.method, headers },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    upstream.on('error', (error) => response.writeHead(502).end(String(error)));
    request.pipe(upstream);
  }

  const server = http.createServer((request, response) => {
    const method = /^\/api\/([\w.]+)$/.exec((request.url ?? '/').split('?')[0] ?? '/')?.[1];
    if (!method) return void response.writeHead(404).end();
    if (method !== 'apps.connections.open') return forward(request, response, method);
    request.resume();
    if (failing > 0) {
      failing--;
      failures++;
      request.socket.destroy();
      return;
    }
    if (request.headers.authorization !== `Bearer ${appToken}`) {
      refusals++;
      return json(response, { ok: false, error: 'invalid_auth' });
    }
    opens++;
    const ticket = randomUUID();
    tickets.add(ticket);
    json(response, { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=${APP_ID}` });
  });

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'ws://fake');
    const ticket = url.searchParams.get('ticket') ?? '';
    // A ticket opens one connection: a reconnect must go through apps.connections.open again.
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      connections++;
      const connection = connections;
      current = ws;
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: unknown; payload?: unknown };
        if (typeof message.envelope_id !== 'string') return;
        const ack = { envelopeId: message.envelope_id, payload: message.payload, connection };
        acks.push(ack);
        events.emit(`ack:${ack.envelopeId}`, ack);
      });
      ws.on('close', () => {
        if (current === ws) current = null;
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake-slack-socket', approximate_connection_time: 18060 },
          connection_info: { app_id: APP_ID },
        }),
      );
      events.emit('connected', connection);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  function socketOrThrow(): WebSocket {
    if (!current) throw new Error('fake Slack socket: no connection is open');
    return current;
  }

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    get opens() {
      return opens;
    },
    get refusals() {
      return refusals;
    },
    get connections() {
      return connections;
    },
    get failures() {
      return failures;
    },
    acks,
    unacknowledged: () => [...sent].filter((id) => !acks.some((ack) => ack.envelopeId === id)),
    async connected(n) {
      while (connections < n) await once(events, 'connected');
    },
    async sendSlashCommand(command) {
      const envelopeId = randomUUID();
      const acknowledged = once(events, `ack:${envelopeId}`) as Promise<[FakeSocketAck]>;
      sent.add(envelopeId);
      socketOrThrow().send(
        JSON.stringify({
          envelope_id: envelopeId,
          type: 'slash_commands',
          accepts_response_payload: true,
          payload: {
            token: 'legacy-verification-token',
            team_id: 'T0FAKE',
            team_domain: 'fake',
            channel_id: command.channelId,
            channel_name: 'alerts',
            user_id: command.userId,
            user_name: 'ana',
            command: '/vigil',
            text: command.text,
            api_app_id: APP_ID,
            is_enterprise_install: 'false',
            response_url: command.responseUrl,
            trigger_id: '123.456.abc',
          },
        }),
      );
      const [ack] = await acknowledged;
      return ack;
    },
    requestDisconnect(reason = 'refresh_requested') {
      socketOrThrow().send(
        JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack-socket' } }),
      );
    },
    dropSocket() {
      socketOrThrow().terminate();
    },
    failNextOpens(count) {
      failing = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
