/** vigil's command line (design.md's contract). Parses arguments, loads config, runs one command. */
import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../../src/config/load-config.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { createCorpusStore } from '../../src/corpus/create-corpus-store.js';
import { ConfigError, describeError } from '../../src/errors.js';
import { createLogger } from '../log/create-logger.js';
import { type App, createApp } from './app.js';
import { auditCommand } from './commands/audit.js';
import { classifyCommand } from './commands/classify.js';
import { evalCommand } from './commands/eval.js';
import { ingestCommand } from './commands/ingest.js';
import { pollOnceCommand } from './commands/poll.js';
import { type Role, runCommand } from './commands/run.js';
import { searchCommand } from './commands/search.js';
import { addSource, exportOpml, importOpml, listSources, removeSource } from './commands/sources.js';
import { CliError, printError } from './output.js';

function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1)
      throw new InvalidArgumentError(`${name} must be a whole number above 0`);
    return Number(value);
  };
}

function setup() {
  // Secrets come only from the environment; a .env file in the working folder is read if present.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  return { config, log };
}

async function withApp(
  task: (app: App) => Promise<number | undefined>,
  options: { pollOnStart?: boolean; role?: Role } = {},
): Promise<void> {
  const { config, log } = setup();
  const app = await createApp(config, log, options);
  try {
    process.exitCode = (await task(app)) ?? 0;
  } finally {
    await app.close();
  }
}

async function withStore(
  task: (store: CorpusStore, fetchOptions: { allowPrivate: boolean }) => Promise<number>,
) {
  const { config } = setup();
  const store = await createCorpusStore(config.database);
  try {
    process.exitCode = await task(store, { allowPrivate: config.allowPrivateFeeds });
  } finally {
    await store.close();
  }
}

export function buildProgram(): Command {
  const program = new Command('vigil')
    .description('Watches news outlets on Belarus for sanctions, political prisoners and diplomacy.')
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => printError(text) });

  program
    .command('run')
    .description('run the monitor: poll sources on schedule, deliver alerts, serve /healthz and /metrics')
    .addOption(
      new Option('--role <role>', 'which part to run')
        .choices(['all', 'scheduler', 'worker', 'bot'])
        .default('all'),
    )
    .action((options: { role: Role }) =>
      withApp(
        async (app) => {
          await runCommand(app, options.role);
          return 0;
        },
        { pollOnStart: true, role: options.role },
      ),
    );

  program
    .command('poll')
    .description('poll every (or one) source once, deliver the alerts, print a summary, exit')
    .requiredOption('--once', 'poll once and exit (the only mode; `vigil run` polls on schedule)')
    .option('--source <id>', 'poll only this source')
    .action((options: { source?: string }) => withApp((app) => pollOnceCommand(app, options.source)));

  program
    .command('ingest')
    .description('treat local feed files as fetched feeds: parse, classify, store, alert')
    .argument('<files...>', 'RSS, Atom, RDF or JSON Feed files')
    .action((files: string[]) => withApp((app) => ingestCommand(app, files)));

  program
    .command('classify')
    .description('classify JSON Lines {"id","title","text"} from stdin; one result line per input')
    .action(async () => {
      process.exitCode = await classifyCommand();
    });

  program
    .command('eval')
    .description('run `vigil classify` on a labelled JSON Lines file and print precision, recall, F1')
    .argument('<file>', 'labelled items, e.g. ../shared/eval/classify-dev.jsonl')
    .action((file: string) => {
      process.exitCode = evalCommand(file);
    });

  program
    .command('search')
    .description('search the corpus (same query language as the chat search command)')
    .argument('<query...>', 'words, "phrases", -exclude, OR, topic: source: lang: since:YYYY-MM-DD until:')
    .option('--json', 'print a JSON array of {id,title,url,source,publishedAt,labels,snippet}')
    .option('--limit <n>', 'results per page', positiveInt('--limit'), 10)
    .option('--page <n>', 'page number', positiveInt('--page'), 1)
    .action((words: string[], options: { json?: boolean; limit: number; page: number }) =>
      withStore((store) =>
        searchCommand(store, words.join(' '), { json: options.json ?? false, ...options }),
      ),
    );

  const sources = program.command('sources').description('the source catalogue');
  sources
    .command('list')
    .description('list sources with their health')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => withStore((store) => listSources(store, options.json ?? false)));
  sources
    .command('add')
    .description('add a source by feed or site address (the feed is found and fetched once)')
    .argument('<url>', 'feed or site address')
    .option('--name <name>', 'display name (default: the feed title)')
    .option('--interval <seconds>', 'poll interval', positiveInt('--interval'), 600)
    .action((url: string, options: { name?: string; interval: number }) =>
      withStore((store, fetchOptions) =>
        addSource(store, url, { ...options, fetchOptions, now: new Date() }),
      ),
    );
  sources
    .command('remove')
    .description('remove a source (its items stay in the corpus)')
    .argument('<id>', 'source id')
    .action((id: string) => withStore((store) => removeSource(store, id, new Date())));
  sources
    .command('import')
    .description('add the feeds of an OPML file')
    .argument('<file>', 'an .opml file')
    .option('--interval <seconds>', 'poll interval', positiveInt('--interval'), 600)
    .action((file: string, options: { interval: number }) =>
      withStore((store) => importOpml(store, file, options.interval, new Date())),
    );
  sources
    .command('export')
    .description('print the sources as OPML')
    .action(() => withStore((store) => exportOpml(store, new Date())));

  program
    .command('audit')
    .description('show the audit log: who changed what and when, newest first')
    .option('--limit <n>', 'entries to show', positiveInt('--limit'), 20)
    .option('--channel <key>', 'only this channel, as platform:id (e.g. telegram:-1001234567890)')
    .option('--json', 'print JSON')
    .action((options: { limit: number; channel?: string; json?: boolean }) =>
      withStore((store) => auditCommand(store, { ...options, json: options.json ?? false })),
    );

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      printError(`vigil: ${error.message}`);
      process.exitCode = 2;
    } else if (error instanceof CliError) {
      printError(`vigil: ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      printError(`vigil: unexpected error: ${describeError(error)}`);
      if (error instanceof Error && error.stack) printError(error.stack);
      process.exitCode = 1;
    }
  }
}
