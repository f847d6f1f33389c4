/**
 * The font files charts are drawn with: DejaVu Sans (Cyrillic, Łacinka, Latin) from the
 * dejavu-fonts-ttf package, loaded by path so a slim image without system fonts draws the same.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Regular and bold faces: chart titles are bold. */
export const CHART_FONT_FILES: readonly string[] = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];
