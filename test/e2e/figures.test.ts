// `vigil figures`: the built command line over a SQLite store seeded with items written for the test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFiguresStore } from '../helpers/figures-store.js';
import { decodePng, inkStats, pngSize } from '../helpers/png-check.js';
import { runVigil, tempDir } from '../helpers/run-vigil.js';

describe('vigil figures', () => {
  const dir = tempDir();
  const db = path.join(dir, 'figures.db');
  const env = { VIGIL_DB: db };
  beforeAll(async () => seedFiguresStore(db));

  it('prints a table with the source links of each point, newest first', () => {
    const result = runVigil(['figures'], { env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(
      /^Figures \(prisoners, released, designations\) since \d{4}-\d{2}-\d{2}: 5 points, 6 items read/,
    );
    expect(out).toContain('Political prisoners');
    expect(out).toContain('1,171 (conflicting figures)');
    expect(out).toContain('Designated under sanctions');
    expect(out).toContain('https://example.org/news/6');
    expect(out).toContain('Viasna · ');
    // The restated count is one point with both items as its sources; the old count is out of the window.
    expect(out).toContain('https://example.org/news/2');
    expect(out).not.toContain('1,300');
    expect(out.indexOf('Designated')).toBeLessThan(out.indexOf('Released'));
  });

  it('prints the points as JSON with their evidence, only the kind asked for', () => {
    const result = runVigil(['figures', 'prisoners', '--json'], { env });
    expect(result.status).toBe(0);
    const points = JSON.parse(result.stdout) as {
      kind: string;
      value: number;
      conflicting: boolean;
      evidence: { url: string; quote: string; source: string }[];
    }[];
    // Conflicting figures of one day are both kept, in no particular order.
    const values = points.map((point) => [point.value, point.conflicting]);
    expect(values.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [1160, true],
      [1171, true],
      [1190, false],
    ]);
    expect(points.every((point) => point.kind === 'prisoners')).toBe(true);
    expect(points.find((point) => point.value === 1190)?.evidence.map((evidence) => evidence.url)).toEqual([
      'https://example.org/news/1',
      'https://example.org/news/2',
    ]);
    expect(points.find((point) => point.value === 1190)?.evidence[0]).toMatchObject({
      source: 'Viasna',
      quote: 'Viasna counts 1,190 political prisoners.',
    });
    const longer = JSON.parse(
      runVigil(['figures', 'prisoners', '--json', '--since', '300d'], { env }).stdout,
    );
    expect(longer.map((point: { value: number }) => point.value)).toContain(1300);
  });

  it('writes the chart as a PNG', () => {
    const file = path.join(dir, 'chart.png');
    const result = runVigil(['figures', 'releases', '--png', file], { env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/chart written to .*chart\.png \(\d+×\d+ PNG\)/);
    const png = readFileSync(file);
    const { width, height } = pngSize(png);
    expect(result.stdout).toContain(`(${width}×${height} PNG)`);
    expect(width).toBeGreaterThan(500);
    const { variance, dark } = inkStats(decodePng(png).pixels);
    expect(variance).toBeGreaterThan(100);
    expect(dark).toBeGreaterThan(0.001);
  });

  it('refuses a wrong kind, window or --json with --png in one line, exit 2', () => {
    for (const args of [
      ['figures', 'weather'],
      ['figures', '--since', 'yesterday'],
      ['figures', '--json', '--png', path.join(dir, 'x.png')],
    ]) {
      const result = runVigil(args, { env });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(path.join(dir, 'x.png'))).toBe(false);
  });

  it('says so when the window holds no figure, and writes no empty chart', () => {
    const file = path.join(dir, 'empty.png');
    const table = runVigil(['figures', 'designations', '--since', '1h'], { env });
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/: 0 points, 0 items read/);
    const png = runVigil(['figures', '--since', '1h', '--png', file], { env });
    expect(png.status).toBe(1);
    expect(png.stderr).toMatch(/no chart to draw/);
    expect(existsSync(file)).toBe(false);
  });
});
