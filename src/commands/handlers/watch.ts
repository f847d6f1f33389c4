/** `watch …`: keyword watches are a later feature; say so plainly. */
import type { Reply } from '../reply.js';
import { commandPrefix, type HandlerContext } from './context.js';

export function handleWatch(context: HandlerContext): Reply {
  const prefix = commandPrefix(context.request.channel.platform);
  return {
    lines: [
      'Keyword watches are not available yet; nothing was changed.',
      `For now, topic alerts (${prefix}subscribe <topic…>) and ${prefix}search cover it.`,
    ],
  };
}
