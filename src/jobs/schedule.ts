/**
 * The only importer of node-cron. Runs a job on a cron expression (five fields, or six with
 * seconds) and never overlaps two runs: a tick that comes while the previous run is still busy
 * is skipped (`noOverlap`), which is what a slow feed on a tight schedule needs.
 */
import cron from 'node-cron';

export interface Schedule {
  /** The next time the job runs, or null when stopped. */
  nextRun(): Date | null;
  /** Whether a run is in progress. */
  busy(): boolean;
  /** Run the job now, as a tick would (nothing happens if a run is in progress). */
  runNow(): Promise<void>;
  /** Stop scheduling; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

/** Whether node-cron accepts the expression (five fields, or six with seconds). */
export function isValidSchedule(expression: string): boolean {
  return cron.validate(expression);
}

export function schedule(
  expression: string,
  job: () => Promise<void>,
  onError: (e: unknown) => void,
  onSkip: (message: string) => void = () => {},
): Schedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async (): Promise<void> => {
    if (stopped || running) return;
    running = job()
      .catch(onError)
      .finally(() => {
        running = null;
      });
    await running;
  };
  const task = cron.schedule(
    expression,
    tick,
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
    runNow: tick,
    stop: async () => {
      stopped = true;
      await task.stop();
      await task.destroy();
      if (running) await running;
    },
  };
}
