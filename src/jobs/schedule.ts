/**
 * The only importer of node-cron. Runs a job on a cron expression (five fields, or six with
 * seconds) and never overlaps two runs: a tick that comes while the previous run is still busy
 * is skipped (`noOverlap`), which is what a slow feed on a tight schedule needs.
 */
import cron from 'node-cron';
import { StraitfeedError } from '../errors.js';

export interface Schedule {
  /** The next time the job runs, or null when stopped. */
  nextRun(): Date | null;
  /** Whether a run is in progress. */
  busy(): boolean;
  /** Stop scheduling; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

/** Throws CONFIG_INVALID (exit 2) naming `schedule` when the expression is not valid. */
export function validateSchedule(expression: string, configFile: string): void {
  if (!cron.validate(expression)) {
    throw new StraitfeedError('CONFIG_INVALID', `schedule: "${expression}" is not a valid cron expression (e.g. "*/30 * * * *")`, {
      stage: 'config',
      where: configFile,
      details: { key: 'schedule' },
    });
  }
}

export function schedule(
  expression: string,
  job: () => Promise<void>,
  onError: (e: unknown) => void,
  onSkip: (message: string) => void = () => {},
): Schedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const task = cron.schedule(
    expression,
    async () => {
      if (stopped || running) return;
      running = job()
        .catch(onError)
        .finally(() => {
          running = null;
        });
      await running;
    },
    {
      noOverlap: true,
      name: 'straitfeed-check',
      // node-cron prints to the console by default; its news (a tick skipped because a cycle is
      // still running) belongs in our JSON-lines log instead.
      logger: {
        info: () => {},
        debug: () => {},
        warn: (m: string) => onSkip(m),
        error: (m: string | Error) => onError(m),
      },
    },
  );
  return {
    nextRun: () => (stopped ? null : task.getNextRun()),
    busy: () => running !== null,
    stop: async () => {
      stopped = true;
      await task.stop();
      await task.destroy();
      if (running) await running;
    },
  };
}
