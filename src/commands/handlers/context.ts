/** What every command handler gets: the request, the dependencies and a few derived values. */
import { findPlatform } from '../../platforms/registry.js';
import type { CommandDeps, CommandRequest } from '../command.js';
import { USAGE } from '../parse-command.js';
import type { Reply } from '../reply.js';

export interface HandlerContext {
  request: CommandRequest;
  deps: CommandDeps;
  /** `<platform>:42`: who ran the command, as the audit log names them. */
  actor: string;
  /** `<platform>:-100…`: the channel, as the audit log names it. */
  channel: string;
  now: Date;
}

/** How commands are typed on the platform (`/search`, `/vigil search`), as it declares. */
export function commandPrefix(platform: string): string {
  return findPlatform(platform)?.commandPrefix ?? '';
}

/** A usage text (one form per line) with the platform's prefix. */
export function withPrefix(usage: string, platform: string): string[] {
  const prefix = commandPrefix(platform);
  return usage.split('\n').map((line) => `${prefix}${line}`);
}

/** A short reply that says what was wrong and shows the right form. */
export function usageReply(error: string, usage: string, platform: string): Reply {
  const forms = withPrefix(usage, platform);
  return {
    lines: [error, forms.length === 1 ? `Usage: ${forms[0]}` : 'Usage:', ...(forms.length > 1 ? forms : [])],
    isError: true,
  };
}

export function usageOf(name: keyof typeof USAGE, platform: CommandRequest['channel']['platform']): string {
  return withPrefix(USAGE[name], platform).join('\n');
}

/** `2025-06-01 14:05 UTC` */
export function formatTime(iso: string | null): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Cuts text to `max` characters (code points) on a word boundary when one is near, adding `…`. */
export function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
