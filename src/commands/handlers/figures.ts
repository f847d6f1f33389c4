/**
 * `figures [kind] [since:90d]`: the timeline of figures read from the window's items, as a chart
 * (drawn through the ChartRenderer port), the latest points with their values, dates and source
 * links, and the chart's description as its text alternative.
 */
import type { CardBlock, CardField, CardLink } from '../../cards/card.js';
import { describeChart } from '../../figures/chart-description.js';
import { buildChartSpec } from '../../figures/chart-spec.js';
import type { FigureKind } from '../../figures/figure.js';
import { ENGLISH_LABELS, formatValue } from '../../figures/figure-labels.js';
import { shownDate } from '../../figures/figures-table.js';
import { type FiguresReport, pointSources, readFigures } from '../../figures/read-figures.js';
import { windowStart } from '../../time/time-window.js';
import type { Command } from '../parse-command.js';
import type { Reply } from '../reply.js';
import { type HandlerContext, withPrefix } from './context.js';

/** Points the table shows, newest first: a chat message is no place for the whole series. */
const FIGURES_TABLE_ROWS = 6;
/** Source links per point. */
const LINKS_PER_POINT = 3;

type FiguresCommand = Extract<Command, { name: 'figures' }>;

function sourceLinks(report: FiguresReport, point: FiguresReport['points'][number]): CardLink[] {
  return pointSources(point, report.items)
    .filter((item) => item.url !== null)
    .slice(0, LINKS_PER_POINT)
    .map((item) => ({
      label: `${item.source}, ${item.publishedAt.slice(0, 10)}: ${item.title}`,
      url: item.url as string,
    }));
}

/** One row of the table: date · kind · value · who counted, then the point's source links. */
function pointEntry(report: FiguresReport, point: FiguresReport['points'][number]): CardBlock {
  const value = `${formatValue(point.value, point.approximate)}${point.conflicting ? ` (${ENGLISH_LABELS.conflicting})` : ''}`;
  const fields: CardField[] = [
    { kind: 'text', text: shownDate(point) },
    { kind: 'text', text: ENGLISH_LABELS.kinds[point.kind] },
    { kind: 'text', text: value, style: 'strong' },
  ];
  if (point.by !== null) fields.push({ kind: 'text', text: point.by, style: 'em' });
  const links = sourceLinks(report, point);
  return {
    type: 'entry',
    blocks: [
      { type: 'fields', fields, layout: 'inline' },
      ...(links.length > 0 ? [{ type: 'links' as const, links }] : []),
    ],
  };
}

function kindsText(kinds: readonly FigureKind[] | null): string {
  if (kinds === null) return 'figures';
  return `figures (${kinds.map((kind) => ENGLISH_LABELS.kinds[kind].toLowerCase()).join(', ')})`;
}

export async function handleFigures(context: HandlerContext, command: FiguresCommand): Promise<Reply> {
  const window = windowStart(command.window, context.now);
  // parseCommand checked the form; a window it let through always reads.
  if (!window.ok) throw new Error(`figures: unreadable window ${command.window}`);
  const kinds = command.kind === null ? null : [command.kind];
  const report = await readFigures(context.deps.store, {
    since: window.since,
    ...(kinds === null ? {} : { kinds }),
  });
  const since = window.since.slice(0, 10);
  const title = `${command.kind === null ? 'Figures' : ENGLISH_LABELS.kinds[command.kind]} since ${since}`;
  if (report.points.length === 0) {
    return {
      title,
      lines: [
        `No ${kindsText(kinds)} found in the ${report.itemsRead} item${report.itemsRead === 1 ? '' : 's'} of this window.`,
        `A longer window may have some: \`${withPrefix('figures since:365d', context.request.channel.platform)[0]}\``,
      ],
    };
  }

  const description = describeChart(report.points);
  const blocks: CardBlock[] = [];
  const chart = await drawChart(context, report);
  // Without a picture the description says what it would have shown.
  blocks.push(chart ? { type: 'image', alt: description, png: chart } : { type: 'text', text: description });
  const newestFirst = [...report.points].reverse();
  for (const point of newestFirst.slice(0, FIGURES_TABLE_ROWS)) blocks.push(pointEntry(report, point));
  const older = newestFirst.length - FIGURES_TABLE_ROWS;
  const notes: string[] = [];
  if (older > 0) notes.push(`${older} older point${older === 1 ? '' : 's'} not listed.`);
  if (report.itemsRead < report.itemsInWindow)
    notes.push(`Read the newest ${report.itemsRead} of ${report.itemsInWindow} items of the window.`);
  if (notes.length > 0) blocks.push({ type: 'text', text: notes.join(' ') });
  // A picture for the team: shown to the channel, as the platforms that upload files post it there anyway.
  return { title, lines: [], blocks, public: true };
}

/** The chart's PNG, or null when there is no renderer or it failed (logged: the table still answers). */
async function drawChart(context: HandlerContext, report: FiguresReport): Promise<Uint8Array | null> {
  const charts = context.deps.charts;
  if (!charts) return null;
  try {
    return (await charts.renderPng(buildChartSpec(report.points))).png;
  } catch (error) {
    context.deps.log?.warn({ err: error, channel: context.channel }, 'figures chart could not be drawn');
    return null;
  }
}
