/**
 * `straitfeed start`: the long-running job. Build output/, serve it over HTTP, run the watch
 * cycle on `schedule`; on SIGINT or SIGTERM stop starting fetches, let the cycle finish what it
 * is writing, close the server and return 0.
 */
import { VERSION } from '../config.js';
import { describeError, isStraitfeedError, StraitfeedError } from '../errors.js';
import { schedule, type Schedule } from '../jobs/schedule.js';
import { serve } from '../jobs/serve.js';
import type { CycleSummary } from '../jobs/summary.js';
import { runCycle } from '../jobs/watch.js';
import { buildSite } from '../publish/index.js';
import { loadState } from '../state/store.js';
import type { CommandContext, ExitStatus } from './context.js';

export async function runStart(
  ctx: CommandContext,
  opts: { host: string | undefined; port: number | undefined; watch: boolean; checkAtStart?: boolean },
): Promise<ExitStatus> {
  const { config, logger } = ctx;
  try {
    const r = await buildSite(config);
    logger.info({ entries: r.entries, changed: r.changed.length }, 'output/ built');
  } catch (e) {
    // Keep serving what output/ holds; the next cycle retries the build.
    logger.error({ error: describeError(e) }, 'build failed; serving the previous output/');
  }

  let last: CycleSummary | null = await loadState(config).then(
    (s) => s.lastRun,
    () => null,
  );
  let sched: Schedule | null = null;
  const controller = new AbortController();

  const host = opts.host ?? config.server.host;
  const port = opts.port ?? config.server.port;
  const server = await serve({
    root: config.paths.output,
    host,
    port,
    health: () => ({
      status: last && !last.ok ? 'degraded' : 'ok',
      version: VERSION,
      running: sched?.busy() ?? false,
      nextRun: sched?.nextRun()?.toISOString() ?? null,
      lastCycle: last,
    }),
  }).catch((e: unknown) => {
    throw new StraitfeedError('USAGE', `cannot listen on ${host}:${port} (${(e as NodeJS.ErrnoException).code ?? describeError(e)})`, {
      stage: 'serve',
      cause: e,
    });
  });
  ctx.stdout.write(`straitfeed: serving ${config.paths.output} at ${server.url}/\n`);
  logger.info({ url: server.url, schedule: opts.watch ? config.schedule : null }, 'serving output/');

  if (opts.watch) {
    sched = schedule(
      config.schedule,
      async () => {
        try {
          last = await runCycle(config, { logger, signal: controller.signal, command: 'start', lockWaitMs: 0 });
          logger.info({ totals: last.totals, build: last.build, ms: last.ms, nextRun: sched?.nextRun()?.toISOString() ?? null }, 'cycle finished');
        } catch (e) {
          if (isStraitfeedError(e) && e.code === 'LOCK_HELD') logger.warn({ error: describeError(e) }, 'cycle skipped');
          else throw e;
        }
      },
      (e) => logger.error({ error: describeError(e) }, 'cycle failed'),
      (m) => logger.warn({ detail: m }, 'scheduled cycle skipped: the previous one is still running'),
    );
    // A restart should not leave the feed stale until the next tick (up to the whole interval):
    // run one cycle right away, through the schedule so that it cannot overlap a tick.
    if (opts.checkAtStart ?? true) void sched.runNow();
  }

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const on = (s: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(s);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
  logger.info({ signal }, 'stopping: finishing the cycle in progress');
  controller.abort();
  await sched?.stop();
  await server.close();
  logger.info('stopped');
  return 0;
}
