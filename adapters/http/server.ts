/** The HTTP server: /healthz (database, Redis and chat platforms reachable) and /metrics (Prometheus). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';
import type { MetricsEndpoint } from '../metrics/prometheus.js';

/** A dependency /healthz checks; `check` throws when it is down. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

/** Extra routes other adapters mount (Slack's /slack/events). Return false to pass. */
export type RouteHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
) => boolean | Promise<boolean>;

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(options: {
  port: number;
  host?: string;
  checks: HealthCheck[];
  metrics: MetricsEndpoint;
  log: Logger;
  routes?: RouteHandler[];
}): Promise<HttpServer> {
  /** Failing checks and their last reason: each failure is logged when it starts or changes. */
  const failing = new Map<string, string>();
  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      options.log.error({ err: error, url: request.url }, 'http handler failed');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error\n');
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/healthz') {
      // The answer names the failing part only; why it fails (database errors, addresses) goes to the log.
      const results: Record<string, string> = {};
      let ok = true;
      for (const check of options.checks) {
        try {
          await check.check();
          results[check.name] = 'ok';
          if (failing.delete(check.name)) options.log.info({ check: check.name }, 'health check recovered');
        } catch (error) {
          ok = false;
          results[check.name] = 'unavailable';
          const reason = describeError(error);
          if (failing.get(check.name) !== reason) {
            failing.set(check.name, reason);
            options.log.warn({ check: check.name, reason }, 'health check failing');
          }
        }
      }
      response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      response.end(`${JSON.stringify({ status: ok ? 'ok' : 'unavailable', checks: results })}\n`);
      return;
    }
    if (request.method === 'GET' && path === '/metrics') {
      const { contentType, body } = await options.metrics.render();
      response.writeHead(200, { 'content-type': contentType });
      response.end(body);
      return;
    }
    for (const route of options.routes ?? []) if (await route(request, response)) return;
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found\n');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
