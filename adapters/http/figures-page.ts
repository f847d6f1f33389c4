/**
 * The read-only /figures page as HTML: the chart as inline SVG with a title and description, the
 * table (a real <table> with caption and header scopes) with each point's source links, and links
 * to other kinds and windows. Pure: every word from a feed is escaped; no script of any kind; the
 * one style block is allowed by its hash in the Content-Security-Policy the page is sent with.
 */
import { createHash } from 'node:crypto';
import { escapeUTF8 as html } from 'entities';
import { describeChart } from '../../src/figures/chart-description.js';
import { ENGLISH_LABELS } from '../../src/figures/figure-labels.js';
import { figuresTable } from '../../src/figures/figures-table.js';
import { type FigureItem, type FiguresReport, pointSources } from '../../src/figures/read-figures.js';

const STYLE = `
body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff;line-height:1.45}
main{max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:#1a4f80}a:focus-visible{outline:3px solid #c0392b;outline-offset:2px}
[aria-current=page]{font-weight:bold;text-decoration:none;color:#1b1b1b}
figure{margin:1rem 0}svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
td ul{margin:0;padding-left:1rem}.num{text-align:right;white-space:nowrap}
`;

/** What the page is sent with: only its own style block runs; nothing loads from anywhere. */
export const FIGURES_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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
  const words = `${html(item.source)}: ${html(item.title)}`;
  const day = html(item.publishedAt.slice(0, 10));
  const web = item.url !== null && /^https?:\/\//i.test(item.url);
  const link = web ? `<a href="${html(item.url as string)}" rel="noopener noreferrer">${words}</a>` : words;
  return `<li>${link} <span>(${day})</span></li>`;
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
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${html(title)} · vigil</title>
<style>${STYLE}</style>
</head>
<body>
${report.points.length > 0 ? '<a class="skip" href="#figures-table">Skip to the table</a>' : ''}
<main>
<h1>${html(title)}</h1>
<p>${html(summary(report))}</p>
${kinds}
${windows}
${body}
</main>
</body>
</html>
`;
}
