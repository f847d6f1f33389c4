/** vigil's HTTP server on a free loopback port with one page route, for the read-only page tests. */
import { type HttpServer, type RouteHandler, startHttpServer } from '../../adapters/http/server.js';
import { createPrometheusMetrics } from '../../adapters/metrics/prometheus.js';
import { createMemoryLogger } from './memory-logger.js';

export function startPageServer(route: RouteHandler): Promise<HttpServer> {
  return startHttpServer({
    port: 0,
    host: '127.0.0.1',
    checks: [],
    metrics: createPrometheusMetrics(),
    log: createMemoryLogger(),
    routes: [route],
  });
}
