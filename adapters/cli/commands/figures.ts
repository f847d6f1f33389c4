/**
 * `vigil figures [prisoners|releases|designations] [--since 90d] [--json | --png FILE]`: the figures
 * read from the stored items of the window, as a table with source links, as JSON points, or as the
 * chart's PNG. main.ts reads --since and refuses --json with --png before anything is opened.
 */
import { writeFileSync } from 'node:fs';
import type { ItemSearch } from '../../../src/corpus/item-search.js';
import { describeError } from '../../../src/errors.js';
import { buildChartSpec } from '../../../src/figures/chart-spec.js';
import type { FigureKind } from '../../../src/figures/figure.js';
import { figuresTable } from '../../../src/figures/figures-table.js';
import { type FiguresReport, pointSources, readFigures } from '../../../src/figures/read-figures.js';
import { CliError, print, printJson } from '../output.js';

/** Rows the console table shows; `--json` has them all. */
const CONSOLE_ROWS = 20;

export interface FiguresOptions {
  /** ISO time: the window's start. */
  since: string;
  json: boolean;
  png?: string;
}

/** The points with their evidence: each figure's item, link and the words it was read from. */
function jsonPoints(report: FiguresReport) {
  return report.points.map((point) => ({
    kind: point.kind,
    date: point.date,
    datePrecision: point.datePrecision,
    value: point.value,
    approximate: point.approximate,
    by: point.by,
    conflicting: point.conflicting,
    evidence: point.figures.map((figure) => {
      const item = typeof figure.itemId === 'number' ? report.items.get(figure.itemId) : undefined;
      return {
        itemId: figure.itemId,
        title: item?.title ?? null,
        url: item?.url ?? null,
        source: item?.source ?? null,
        publishedAt: item?.publishedAt ?? null,
        quote: figure.span.quote,
      };
    }),
  }));
}

function header(report: FiguresReport): string {
  const kinds = report.kinds.join(', ');
  const read =
    report.itemsRead < report.itemsInWindow
      ? `the newest ${report.itemsRead} of ${report.itemsInWindow} items read`
      : `${report.itemsRead} item${report.itemsRead === 1 ? '' : 's'} read`;
  return `Figures (${kinds}) since ${report.since.slice(0, 10)}: ${report.points.length} point${report.points.length === 1 ? '' : 's'}, ${read}`;
}

function consoleTable(report: FiguresReport): string {
  const table = figuresTable(report.points, { limit: CONSOLE_ROWS });
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [line(table.columns)];
  table.rows.forEach((row, i) => {
    lines.push(line(row));
    const point = table.points[i];
    if (point === undefined) return;
    for (const item of pointSources(point, report.items)) {
      lines.push(
        `    ${item.source} · ${item.publishedAt.slice(0, 10)} · ${item.title} ${item.url ?? `(item ${item.id}, no link)`}`,
      );
    }
  });
  if (table.omitted > 0)
    lines.push(`… ${table.omitted} older point${table.omitted === 1 ? '' : 's'}: see --json`);
  return lines.join('\n');
}

async function writePng(report: FiguresReport, file: string): Promise<void> {
  // The chart libraries load only for --png.
  const { renderChart } = await import('../../charts/render-chart.js');
  const chart = await renderChart(buildChartSpec(report.points));
  try {
    writeFileSync(file, chart.png);
  } catch (error) {
    throw new CliError(`--png ${file}: cannot write the chart: ${describeError(error)}`, 1);
  }
  print(`${header(report)}; chart written to ${file} (${chart.width}×${chart.height} PNG)`);
}

export async function figuresCommand(
  store: Pick<ItemSearch, 'search'>,
  kind: FigureKind | undefined,
  options: FiguresOptions,
): Promise<number> {
  const report = await readFigures(store, {
    since: options.since,
    ...(kind === undefined ? {} : { kinds: [kind] }),
  });
  if (options.json) {
    printJson(jsonPoints(report), 2);
    return 0;
  }
  if (options.png !== undefined) {
    if (report.points.length === 0) {
      throw new CliError(`${header(report)}: no chart to draw; ${options.png} not written`, 1);
    }
    await writePng(report, options.png);
    return 0;
  }
  print(header(report));
  if (report.points.length > 0) print(consoleTable(report));
  return 0;
}
