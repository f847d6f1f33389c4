/**
 * The command line's only way to print: results on stdout, problems on stderr. Text from feeds and
 * input files can carry terminal control sequences; nothing printed here lets them reach the terminal.
 */

// C0 controls but tab and newline, DEL, C1 controls, and bidi embeddings, overrides and isolates
// ("Trojan Source", CVE-2021-42574): a line must not move the cursor, recolour, or reorder the screen.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// What JSON.stringify leaves raw that a terminal may act on; inside JSON strings they are escaped.
const JSON_RAW_CONTROLS = /[\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/** Text with every control character removed (tab and newline kept). */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, '');
}

/**
 * JSON text safe on a terminal and equal in value: the characters JSON.stringify leaves raw are
 * written as \u escapes (they can only occur inside strings).
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    JSON_RAW_CONTROLS,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function print(text: string): void {
  const safe = terminalSafe(text);
  process.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

export function printJson(value: unknown, indent?: number): void {
  process.stdout.write(`${safeJson(value, indent)}\n`);
}

export function printError(text: string): void {
  const safe = terminalSafe(text);
  process.stderr.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

/** An error the command line reports in one line and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
