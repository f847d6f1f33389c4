/** A Logger that keeps its lines in memory, for assertions about what was logged. */
import type { Logger } from '../../src/ports.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

export function createMemoryLogger(
  lines: LogLine[] = [],
  bindings: object = {},
): Logger & { lines: LogLine[] } {
  const write = (level: LogLine['level']) => (fields: object, message: string) => {
    lines.push({ level, fields: { ...bindings, ...fields }, message });
  };
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more: object) => createMemoryLogger(lines, { ...bindings, ...more }),
  };
}
