/**
 * The queue dashboard for admins: bull-board (a well-kept BullMQ UI) over the runner's queues, at
 * /admin/queues on vigil's HTTP server, behind VIGIL_DASHBOARD_TOKEN (Bearer, or HTTP Basic with the
 * token as password so a browser can log in). Without a token the dashboard is off.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import { holdsToken } from '../../src/access-token.js';
import type { BullmqRunner } from './bullmq-runner.js';

export const DASHBOARD_PATH = '/admin/queues';

/** A route for startHttpServer: answers under DASHBOARD_PATH, passes (false) elsewhere. */
export function createQueueDashboard(runner: BullmqRunner, token: string) {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: runner.queues().map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
    serverAdapter,
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(DASHBOARD_PATH, serverAdapter.getRouter());
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path !== DASHBOARD_PATH && !path.startsWith(`${DASHBOARD_PATH}/`)) return false;
    if (!holdsToken(request.headers.authorization, token)) {
      response.writeHead(401, {
        'content-type': 'text/plain',
        'www-authenticate': 'Basic realm="vigil queues"',
      });
      response.end('the queue dashboard needs VIGIL_DASHBOARD_TOKEN (Bearer, or as the Basic password)\n');
      return true;
    }
    app(request, response);
    return true;
  };
}
