/**
 * GET /figures on the HTTP server, for holders of VIGIL_DASHBOARD_TOKEN (Bearer, or the Basic-auth
 * password); mounted only when the token is set, so without it the page does not exist (404).
 * `?kind=prisoners|releases|designations` and `?since=90d` choose what it shows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ItemSearch } from '../../src/corpus/item-search.js';
import { buildChartSpec } from '../../src/figures/chart-spec.js';
import { FIGURE_WORDS } from '../../src/figures/figure.js';
import { readFigures } from '../../src/figures/read-figures.js';
import type { Clock } from '../../src/ports.js';
import { windowStart } from '../../src/time/time-window.js';
import { renderChartSvg } from '../charts/render-chart.js';
import { type PageChoice, renderFiguresPage } from './figures-page.js';
import { admitted, sendPage, sendPlain } from './page-shell.js';
import type { RouteHandler } from './server.js';

export const FIGURES_PATH = '/figures';
const DEFAULT_WINDOW = '90d';

/** The page's choices from the query, or what was wrong with them. */
function choiceOf(url: URL): { ok: true; choice: PageChoice } | { ok: false; error: string } {
  const kind = url.searchParams.get('kind');
  if (kind !== null && !Object.hasOwn(FIGURE_WORDS, kind)) {
    return { ok: false, error: `kind: expected one of ${Object.keys(FIGURE_WORDS).join(', ')}` };
  }
  return { ok: true, choice: { kind, since: url.searchParams.get('since') ?? DEFAULT_WINDOW } };
}

export function createFiguresRoute(deps: {
  store: Pick<ItemSearch, 'search'>;
  token: string;
  clock: Clock;
}): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://vigil.invalid');
    if (url.pathname !== FIGURES_PATH) return false;
    if (!admitted(request, response, deps.token, 'figures')) return true;
    const parsed = choiceOf(url);
    const window = parsed.ok ? windowStart(parsed.choice.since, deps.clock.now()) : null;
    if (!parsed.ok || window === null || !window.ok) {
      sendPlain(
        response,
        400,
        parsed.ok ? `since: ${window?.ok === false ? window.error : ''}` : parsed.error,
      );
      return true;
    }
    const { kind } = parsed.choice;
    const kindFilter = kind === null ? undefined : FIGURE_WORDS[kind];
    const report = await readFigures(deps.store, {
      since: window.since,
      ...(kindFilter === undefined ? {} : { kinds: [kindFilter] }),
    });
    const svg = report.points.length > 0 ? await renderChartSvg(buildChartSpec(report.points)) : null;
    sendPage(request, response, renderFiguresPage(report, svg, parsed.choice));
    return true;
  };
}
