/** `source add|remove|pause|resume` from chat: the source use cases, their results as replies. */
import {
  type Actor,
  addSource,
  removeSource,
  type SourceCatalogDeps,
  type SourceProblem,
  setSourcePaused,
} from '../../sources/source-use-cases.js';
import type { Reply } from '../reply.js';
import { commandPrefix, type HandlerContext } from './context.js';

function catalog(context: HandlerContext): { deps: SourceCatalogDeps; who: Actor } {
  return { deps: context.deps, who: { actor: context.actor, channel: context.channel } };
}

function problemReply(context: HandlerContext, problem: SourceProblem, id = ''): Reply {
  const prefix = commandPrefix(context.request.channel.platform);
  switch (problem.code) {
    case 'not-found':
      return {
        lines: [`There is no source \`${id.slice(0, 60)}\`; ${prefix}sources lists the ids.`],
        isError: true,
      };
    case 'already-present': {
      const same = problem.existing;
      if (!same) return { lines: [`${capitalise(problem.message)}; nothing changed.`] };
      return { lines: [`${same.url} is already polled as \`${same.id}\` (${same.name}); nothing changed.`] };
    }
    case 'invalid-interval':
      return {
        lines: [`${problem.message.replace(/^--interval/, '`--interval`')}. Nothing was changed.`],
        isError: true,
      };
    default:
      return { lines: [capitalise(problem.message), 'Nothing was changed.'], isError: true };
  }
}

export async function handleSourceAdd(
  context: HandlerContext,
  request: { url: string; intervalSeconds?: number; articlePattern?: string },
): Promise<Reply> {
  const { deps, who } = catalog(context);
  const { url, intervalSeconds, articlePattern } = request;
  const result = await addSource(deps, who, {
    url,
    ...(intervalSeconds === undefined ? {} : { intervalSeconds }),
    ...(articlePattern === undefined ? {} : { articlePattern }),
  });
  if (!result.ok) return problemReply(context, result.problem);
  const { source, found } = result;
  return {
    public: true,
    lines: [
      `Added source \`${source.id}\`: ${source.name} (${source.url}), polled every ${describeInterval(source.intervalSeconds)}.`,
      `Read as ${source.kind}: ${found.why}.`,
      'Its first poll fills the corpus without alerting on older items.',
    ],
  };
}

export async function handleSourceRemove(context: HandlerContext, id: string): Promise<Reply> {
  const { deps, who } = catalog(context);
  const result = await removeSource(deps, who, id);
  if (!result.ok) return problemReply(context, result.problem, id);
  return {
    public: true,
    lines: [`Removed source \`${id}\` (${result.source.name}); it is no longer polled.`],
  };
}

export async function handleSourcePause(
  context: HandlerContext,
  id: string,
  paused: boolean,
): Promise<Reply> {
  const { deps, who } = catalog(context);
  const result = await setSourcePaused(deps, who, id, paused);
  if (!result.ok) return problemReply(context, result.problem, id);
  if (!result.changed) {
    return { lines: [`Source \`${id}\` is already ${paused ? 'paused' : 'active'}; nothing changed.`] };
  }
  const prefix = commandPrefix(context.request.channel.platform);
  return {
    public: true,
    lines: [
      paused
        ? `Paused source \`${id}\` (${result.source.name}); resume it with ${prefix}source resume ${id}.`
        : `Resumed source \`${id}\` (${result.source.name}); it is polled again.`,
    ],
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeInterval(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return `${seconds} s`;
  return `${seconds / 60} min`;
}
