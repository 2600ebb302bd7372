#!/usr/bin/env node
/**
 * The command line: argv → command, errors → exit status. The only place that knows about
 * process.argv, process.exit and how errors are printed; commands return their exit status.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { loadConfig, VERSION } from '../config.js';
import { exitCodeFor, isStraitfeedError } from '../errors.js';
import { createLogger } from '../log.js';
import type { CommandContext, ExitStatus } from './context.js';
// Commands are imported when they run: loading every stage (opencc's dictionaries, rss-parser,
// feed, sanitize-html) for `--version` or `build` cost over a second of start-up.

export interface MainIO {
  stdout: CommandContext['stdout'];
  stderr: CommandContext['stderr'];
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number 0-65535');
  return n;
}

/** Run the CLI with `argv` (without node and script), returning the exit status. */
export async function runMain(argv: string[], io: MainIO = { stdout: process.stdout, stderr: process.stderr }): Promise<ExitStatus> {
  let status: ExitStatus = 0;
  const program = new Command('straitfeed')
    .description('Publish a curated news feed and keep it current with a relevance-scoring watcher.')
    .version(VERSION, '-V, --version')
    .option('-c, --config <path>', 'site configuration file', undefined)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run straitfeed --help for usage)');

  // Every command accepts --config before or after its name.
  const command = (name: string, description: string): Command =>
    program.command(name).description(description).option('-c, --config <path>', 'site configuration file');

  const context = async (cmd: Command): Promise<CommandContext> => {
    const opts = cmd.optsWithGlobals<{ config?: string }>();
    const config = await loadConfig(opts.config ?? 'straitfeed.yaml');
    return { config, stdout: io.stdout, stderr: io.stderr, logger: createLogger() };
  };

  command('build', 'publish entries/ to output/ (RSS 2.0, Atom 1.0, JSON Feed 1.1, HTML)').action(async (_o, cmd: Command) => {
    status = await (await import('./build.js')).runBuild(await context(cmd));
  });
  command('check', 'one watch cycle: fetch every source, match, dedupe, append or queue, rebuild output/')
    .option('--json', 'print a machine-readable summary on stdout', false)
    .action(async (o: { json: boolean }, cmd: Command) => {
      status = await (await import('./check.js')).runCheck(await context(cmd), { json: o.json });
    });
  command('start', 'build, serve output/ over HTTP and run check on the schedule until stopped')
    .option('--host <host>', 'address to listen on (default: server.host, 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default: server.port, 8080)', port)
    .option('--no-watch', 'serve only; do not run the scheduled watcher')
    .option('--no-check-at-start', 'wait for the first scheduled tick instead of running a cycle right away')
    .action(async (o: { host?: string; port?: number; watch: boolean; checkAtStart: boolean }, cmd: Command) => {
      status = await (await import('./start.js')).runStart(await context(cmd), {
        host: o.host,
        port: o.port,
        watch: o.watch,
        checkAtStart: o.checkAtStart,
      });
    });
  command('inspect', 'fetch (URL) or read (file) a source feed, parse and score it without touching the site')
    .argument('<source>', 'URL or local file')
    .option('--json', 'print one JSON object on stdout', false)
    .action(async (source: string, o: { json: boolean }, cmd: Command) => {
      status = await (await import('./inspect.js')).runInspect(await context(cmd), source, { json: o.json });
    });
  command('review', 'list, approve and reject items held for review')
    .argument('[action]', 'list (default), approve or reject')
    .argument('[ids...]', 'review ids (see `review list`)')
    .option('--json', 'list as JSON', false)
    .action(async (action: string | undefined, ids: string[], o: { json: boolean }, cmd: Command) => {
      status = await (await import('./review.js')).runReview(await context(cmd), action, ids, { json: o.json });
    });
  command('eval', 'score labelled items (JSONL) and print precision and recall per language')
    .argument('<labels>', 'labelled items, one JSON object a line')
    .option('--predictions <file>', 'also write {id, decision} lines to this file')
    .action(async (labels: string, o: { predictions?: string }, cmd: Command) => {
      status = await (await import('./eval.js')).runEval(await context(cmd), labels, { predictions: o.predictions });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0; usage errors were already printed.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isStraitfeedError(e)) {
      io.stderr.write(`straitfeed: ${e.message}\n`);
      return exitCodeFor(e.code);
    }
    io.stderr.write(`straitfeed: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const code = await runMain(process.argv.slice(2));
  // Long-running commands (start) resolve only when they are done; exit explicitly so that
  // lingering handles (node-cron's timers, keep-alive sockets) cannot hold the process open.
  process.exitCode = code;
  process.exit(code);
}
