/** Timeline points for chart and table tests, with defaults for what a test does not care about. */
import type { TimelinePoint } from '../../../src/figures/build-timeline.js';

export function makePoint(
  overrides: Partial<TimelinePoint> & Pick<TimelinePoint, 'kind' | 'value' | 'date'>,
): TimelinePoint {
  return {
    datePrecision: 'day',
    approximate: false,
    by: null,
    conflicting: false,
    figures: [],
    ...overrides,
  };
}
