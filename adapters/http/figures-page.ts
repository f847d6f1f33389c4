/**
 * The read-only /figures page as HTML: the chart as inline SVG with a title and description, the
 * table (a real <table> with caption and header scopes) with each point's source links, and links
 * to other kinds and windows. Pure: every word from a feed is escaped; no script of any kind; the
 * one style block is allowed by its hash in the Content-Security-Policy the page is sent with.
 */
import { describeChart } from '../../src/figures/chart-description.js';
import { ENGLISH_LABELS } from '../../src/figures/figure-labels.js';
import { figuresTable } from '../../src/figures/figures-table.js';
import { type FigureItem, type FiguresReport, pointSources } from '../../src/figures/read-figures.js';
import { html, renderPage, webLink } from './page-shell.js';

/** The page's choices: which kind and window it shows, as query words (`releases`, `90d`). */
export interface PageChoice {
  kind: string | null;
  since: string;
}

const KIND_LINKS: readonly [string | null, string][] = [
  [null, 'All figures'],
  ['prisoners', ENGLISH_LABELS.kinds.prisoners],
  ['releases', ENGLISH_LABELS.kinds.released],
  ['designations', ENGLISH_LABELS.kinds.designations],
];
const WINDOW_LINKS = ['30d', '90d', '365d'] as const;

function pageUrl(choice: PageChoice): string {
  const query = new URLSearchParams();
  if (choice.kind !== null) query.set('kind', choice.kind);
  query.set('since', choice.since);
  return `/figures?${query.toString()}`;
}

function navList(label: string, links: readonly [PageChoice, string][], current: PageChoice): string {
  const items = links.map(([choice, text]) => {
    const here = choice.kind === current.kind && choice.since === current.since;
    return `<li><a href="${html(pageUrl(choice))}"${here ? ' aria-current="page"' : ''}>${html(text)}</a></li>`;
  });
  return `<nav aria-label="${html(label)}"><ul>${items.join('')}</ul></nav>`;
}

/** Vega's SVG with a role, a title and a description that assistive technology reads instead. */
function accessibleSvg(svg: string, title: string, description: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (open === null) throw new Error('the chart renderer gave no <svg> element');
  const root = open[0].replace(
    /^<svg\b/,
    '<svg role="img" aria-labelledby="chart-title chart-desc" focusable="false"',
  );
  const alternative = `<title id="chart-title">${html(title)}</title><desc id="chart-desc">${html(description)}</desc>`;
  return `${root}${alternative}${svg.slice(open[0].length)}`;
}

/** A link only for web addresses; anything else a feed gave is shown as text. */
function sourceLink(item: FigureItem): string {
  const link = webLink(item.url, `${html(item.source)}: ${html(item.title)}`);
  return `<li>${link} <span>(${html(item.publishedAt.slice(0, 10))})</span></li>`;
}

function tableHtml(report: FiguresReport): string {
  const table = figuresTable(report.points, { limit: report.points.length });
  const head = [...table.columns, 'Sources'].map((column) => `<th scope="col">${html(column)}</th>`).join('');
  const rows = table.rows.map((row, i) => {
    const [date = '', ...rest] = row;
    const cells = rest.map((cell, k) => {
      const numeric = k === 1 || k === rest.length - 1;
      return `<td${numeric ? ' class="num"' : ''}>${html(cell)}</td>`;
    });
    const point = table.points[i];
    const sources = point === undefined ? [] : pointSources(point, report.items);
    return `<tr><th scope="row">${html(date)}</th>${cells.join('')}<td><ul>${sources.map(sourceLink).join('')}</ul></td></tr>`;
  });
  return `<table id="figures-table"><caption>${html(table.caption)}, newest first</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function summary(report: FiguresReport): string {
  const read =
    report.itemsRead < report.itemsInWindow
      ? `the newest ${report.itemsRead} of ${report.itemsInWindow} items`
      : `${report.itemsRead} item${report.itemsRead === 1 ? '' : 's'}`;
  return `Figures read from ${read} published since ${report.since.slice(0, 10)}: ${report.points.length} point${report.points.length === 1 ? '' : 's'}.`;
}

export function renderFiguresPage(
  report: FiguresReport,
  chartSvg: string | null,
  choice: PageChoice,
): string {
  const title = ENGLISH_LABELS.title;
  const kinds = navList(
    'Kinds',
    KIND_LINKS.map(([kind, text]) => [{ kind, since: choice.since }, text]),
    choice,
  );
  const windows = navList(
    'Windows',
    WINDOW_LINKS.map((since) => [{ kind: choice.kind, since }, `last ${since.replace('d', ' days')}`]),
    choice,
  );
  const body =
    report.points.length === 0 || chartSvg === null
      ? '<p>No figures in the items of this window.</p>'
      : `<figure>${accessibleSvg(chartSvg, title, describeChart(report.points))}<figcaption>${html(describeChart(report.points))} The table below lists every point with its sources.</figcaption></figure>${tableHtml(report)}`;
  return renderPage({
    title,
    body: `<p>${html(summary(report))}</p>\n${kinds}\n${windows}\n${body}\n<p><a href="/digest">The latest digest of each channel</a></p>`,
    ...(report.points.length > 0 ? { skipTo: { id: 'figures-table', label: 'Skip to the table' } } : {}),
  });
}
