/**
 * vigil's command line (design.md's contract). Parses arguments, then loads only what the chosen
 * command uses: `--help` and `--version` load no store, no HTTP server and no chat or queue SDK.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Config } from '../../src/config/config.js';
import { parseEnvFile } from '../../src/config/parse-env-file.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { ConfigError, describeError, VigilError } from '../../src/errors.js';
import { packageRoot } from '../../src/paths.js';
import type { Logger } from '../../src/ports.js';
import { windowStart } from '../../src/time/time-window.js';
import type { App, AppOptions } from './app.js';
import type { Role } from './commands/run.js';
import { CliError, printError } from './output.js';

/** A flag's whole-number value; past `max` (when given) it is refused here, before anything runs. */
function wholeNumber(name: string, max?: number) {
  return (value: string): number => {
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= 1)) throw new InvalidArgumentError(`${name} must be a whole number above 0`);
    if (max !== undefined && number > max) throw new InvalidArgumentError(`${name} must be from 1 to ${max}`);
    return number;
  };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Secrets come only from the environment; a .env file in the working folder is read if present.
 * Variables already set win; a line that cannot be read is reported by number, never by value.
 */
function loadDotEnv(file = '.env'): void {
  if (!existsSync(file)) return;
  const { values, problems } = parseEnvFile(readFileSync(file, 'utf8'));
  for (const problem of problems) {
    printError(`vigil: warning: ${file} line ${problem.line}: ${problem.message}; the line is ignored`);
  }
  for (const [name, value] of Object.entries(values)) process.env[name] ??= value;
}

/** `--since 90d`: the start of the window, read against the clock when the command line is parsed. */
function sinceWindow(value: string): string {
  const window = windowStart(value, new Date());
  if (!window.ok) throw new InvalidArgumentError(`--since: ${window.error}`);
  return window.since;
}

/** `--limit` and `--page` of search: the store pages at most 200 results, and chat stops at page 200. */
const SEARCH_MAX = 200;

async function loadConfig(): Promise<Readonly<Config>> {
  loadDotEnv();
  // The platforms declare their own variables: registered before the environment is read.
  (await import('./platforms.js')).registerBuiltInPlatforms();
  const config = (await import('../../src/config/load-config.js')).loadConfig();
  if (config.aliasFiles.length > 0) {
    // Before any text is analysed: index keys and query keys must come from the same table.
    const { useAliasFilesOrExplain } = await import('../../src/config/alias-files.js');
    useAliasFilesOrExplain(config.aliasFiles);
  }
  return config;
}

async function createLogger(config: Readonly<Config>): Promise<Logger> {
  return (await import('../log/create-logger.js')).createLogger({ level: config.logLevel });
}

/** A Logger that loads the real one on its first line: commands that log nothing never load pino. */
function deferredLogger(load: () => Promise<Logger>, bindings: object = {}): Logger {
  const emit =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (fields: object, message: string): void =>
      void load().then((log) => log.child(bindings)[level](fields, message));
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (more) => deferredLogger(load, { ...bindings, ...more }),
  };
}

async function withApp(task: (app: App) => Promise<number | undefined>, options: AppOptions = {}) {
  const config = await loadConfig();
  const log = await createLogger(config);
  const { createApp } = await import('./app.js');
  const app = await createApp(config, log, options);
  try {
    return (await task(app)) ?? 0;
  } finally {
    await app.close();
  }
}

interface StoreContext {
  store: CorpusStore;
  config: Readonly<Config>;
  /** The logger, made on first use: read-only commands never load it. */
  logger(): Promise<Logger>;
}

async function withStore(task: (context: StoreContext) => Promise<number>): Promise<number> {
  const config = await loadConfig();
  let log: Promise<Logger> | undefined;
  const logger = () => (log ??= createLogger(config));
  const { createCorpusStore } = await import('../db/create-corpus-store.js');
  // An upgrade that changes stored data says so; the logger loads only if it does.
  const store = await createCorpusStore(config.database, { log: deferredLogger(logger) });
  try {
    return await task({ store, config, logger });
  } finally {
    await store.close();
  }
}

export function buildProgram(done: (code: number) => void): Command {
  const finish = async (work: Promise<number>) => done(await work);
  const program = new Command('vigil')
    .description('Watches news outlets on Belarus for sanctions, political prisoners and diplomacy.')
    .version(`vigil ${version()}`, '-V, --version', 'print the version')
    // A wrong command line is one line and exit 2 (design.md); subcommands inherit both settings.
    .exitOverride()
    .configureOutput({
      writeErr: (text) => printError(text.replace(/^error: /, 'vigil: ').replace(/\n+$/, '')),
      outputError: (text, write) => write(`${text.trimEnd()} (see --help)\n`),
    });

  program
    .command('run')
    .description('run the monitor: poll sources on schedule, deliver alerts, serve /healthz and /metrics')
    .addOption(
      new Option('--role <role>', 'which part to run')
        .choices(['all', 'scheduler', 'worker', 'bot'])
        .default('all'),
    )
    .action((options: { role: Role }) =>
      finish(
        withApp(
          async (app) => {
            const { runCommand } = await import('./commands/run.js');
            await runCommand(app, options.role);
            return 0;
          },
          { pollOnStart: true, role: options.role },
        ),
      ),
    );

  program
    .command('poll')
    .description('poll every (or one) source once, deliver the alerts, print a summary, exit')
    .requiredOption('--once', 'poll once and exit (the only mode; `vigil run` polls on schedule)')
    .option('--source <id>', 'poll only this source')
    .action((options: { source?: string }) =>
      finish(
        withApp(async (app) => (await import('./commands/poll.js')).pollOnceCommand(app, options.source)),
      ),
    );

  program
    .command('ingest')
    .description('treat local feed files as fetched feeds: parse, classify, store, alert')
    .argument('<files...>', 'RSS, Atom, RDF or JSON Feed files')
    .action((files: string[]) =>
      finish(withApp(async (app) => (await import('./commands/ingest.js')).ingestCommand(app, files))),
    );

  program
    .command('classify')
    .description('classify JSON Lines {"id","title","text"} from stdin; one result line per input')
    .action(() => finish(import('./commands/classify.js').then((command) => command.classifyCommand())));

  program
    .command('eval')
    .description('classify a labelled JSON Lines file as `vigil classify` does; print precision, recall, F1')
    .argument('<file>', 'labelled items, e.g. ../shared/eval/classify-dev.jsonl')
    .action((file: string) =>
      finish(import('./commands/eval.js').then((command) => command.evalCommand(file))),
    );

  program
    .command('search')
    .description('search the corpus (same query language as the chat search command)')
    .argument(
      '<query...>',
      'words, "phrases", -exclude, OR, topic: source: lang: since:YYYY-MM-DD until: sort:new',
    )
    .option('--json', 'print a JSON array of {id,title,url,source,publishedAt,labels,snippet}')
    .option('--limit <n>', `results per page (1-${SEARCH_MAX})`, wholeNumber('--limit', SEARCH_MAX), 10)
    .option('--page <n>', `page number (1-${SEARCH_MAX})`, wholeNumber('--page', SEARCH_MAX), 1)
    .option('--explain', 'show why each result matched: query part, item words, route, score')
    // Words starting with `-` after the query are query words (`vigil search potash -football`).
    .allowUnknownOption()
    .action((words: string[], options: { json?: boolean; limit: number; page: number; explain?: boolean }) =>
      finish(
        withStore(async ({ store }) =>
          (await import('./commands/search.js')).searchCommand(store, words, {
            json: options.json ?? false,
            limit: options.limit,
            page: options.page,
            explain: options.explain ?? false,
          }),
        ),
      ),
    );

  program
    .command('digest')
    .description(
      'the stories of a window grouped by story and topic, as chat digests show them (all channels)',
    )
    .option('--since <window>', 'items published in this window: 24h, 7d, 2w (default: 24h)', sinceWindow)
    .option('--topic <topic>', 'only this topic')
    .action((options: { since?: string; topic?: string }) =>
      finish(
        withStore(async ({ store }) =>
          (await import('./commands/digest.js')).digestCommand(store, {
            since: options.since ?? sinceWindow('24h'),
            until: new Date(),
            ...(options.topic === undefined ? {} : { topic: options.topic }),
          }),
        ),
      ),
    );

  program
    .command('figures')
    .description(
      'the figures read from stored items: a table with source links, --json points or a --png chart',
    )
    .addArgument(
      new Argument('[kind]', 'only this kind (default: all)').choices([
        'prisoners',
        'releases',
        'designations',
      ]),
    )
    .option('--since <window>', 'items published in this window: 24h, 90d, 2w (default: 90d)', sinceWindow)
    .option('--json', 'print the points as JSON, each with its evidence')
    .addOption(new Option('--png <file>', 'write the chart as a PNG image').conflicts('json'))
    .action((kind: string | undefined, options: { since?: string; json?: boolean; png?: string }) =>
      finish(
        withStore(async ({ store }) => {
          const { figuresCommand } = await import('./commands/figures.js');
          const { FIGURE_WORDS } = await import('../../src/figures/figure.js');
          return figuresCommand(store, kind === undefined ? undefined : FIGURE_WORDS[kind], {
            since: options.since ?? sinceWindow('90d'),
            json: options.json ?? false,
            ...(options.png === undefined ? {} : { png: options.png }),
          });
        }),
      ),
    );

  const sources = program.command('sources').description('the source catalogue');
  const sourcesCommand = () => import('./commands/sources.js');
  sources
    .command('list')
    .description('list sources with their health')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      finish(
        withStore(async ({ store }) => (await sourcesCommand()).listSources(store, options.json ?? false)),
      ),
    );
  sources
    .command('add')
    .description(
      'add a source by feed or site address: a feed, a WordPress API, a sitemap or a listing page is found',
    )
    .argument('<url>', 'feed or site address')
    .option('--name <name>', 'display name (default: the feed title)')
    .option('--interval <seconds>', 'poll interval, 60-86400 (default: 600)', wholeNumber('--interval'))
    .option('--articles <regex>', 'the address is a listing whose article addresses match REGEX')
    .action((url: string, options: { name?: string; interval?: number; articles?: string }) =>
      finish(withStore(async (context) => (await sourcesCommand()).addSourceCommand(context, url, options))),
    );
  sources
    .command('test')
    .description('dry run of `sources add`: the kind chosen, why, and the first items; stores nothing')
    .argument('<url>', 'feed or site address')
    .option('--articles <regex>', 'the address is a listing whose article addresses match REGEX')
    .option('--json', 'print JSON')
    .action((url: string, options: { articles?: string; json?: boolean }) =>
      finish(withStore(async (context) => (await sourcesCommand()).testSourceCommand(context, url, options))),
    );
  sources
    .command('remove')
    .description('remove a source (its items stay in the corpus)')
    .argument('<id>', 'source id')
    .action((id: string) =>
      finish(withStore(async (context) => (await sourcesCommand()).removeSourceCommand(context, id))),
    );
  sources
    .command('import')
    .description('add the feeds of an OPML file (addresses checked as by `sources add`)')
    .argument('<file>', 'an .opml file')
    .option('--interval <seconds>', 'poll interval, 60-86400 (default: 600)', wholeNumber('--interval'))
    .action((file: string, options: { interval?: number }) =>
      finish(
        withStore(async (context) =>
          (await sourcesCommand()).importOpmlCommand(context, file, options.interval),
        ),
      ),
    );
  sources
    .command('export')
    .description('print the sources as OPML (file:// sources from `ingest` are left out)')
    .action(() =>
      finish(withStore(async ({ store }) => (await sourcesCommand()).exportOpml(store, new Date()))),
    );

  program
    .command('audit')
    .description('show the audit log: who changed what and when, newest first')
    .option('--limit <n>', 'entries to show', wholeNumber('--limit'), 20)
    .option('--channel <key>', 'only this channel, as platform:id (e.g. telegram:-1001234567890)')
    .option('--json', 'print JSON')
    .action((options: { limit: number; channel?: string; json?: boolean }) =>
      finish(
        withStore(async ({ store }) =>
          (await import('./commands/audit.js')).auditCommand(store, {
            ...options,
            json: options.json ?? false,
          }),
        ),
      ),
    );

  return program;
}

/** The one line (and exit code) a failure gets: only the unexpected shows a stack trace. */
export function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its one line already; help and --version are not failures.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
  }
  if (error instanceof ConfigError) {
    printError(`vigil: ${error.message}`);
    return 2;
  }
  if (error instanceof CliError) {
    printError(`vigil: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof VigilError) {
    printError(`vigil: ${describeError(error)}`);
    return 1;
  }
  printError(`vigil: unexpected error: ${describeError(error)}`);
  if (error instanceof Error && error.stack) printError(error.stack);
  return 1;
}

/** Reading stopped early (`vigil search … | head`): that is the reader's choice, not an error. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

/** Runs one command; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  let code = 0;
  try {
    await buildProgram((result) => {
      code = result;
    }).parseAsync(argv);
  } catch (error) {
    code = reportFailure(error);
  }
  return code;
}
