/**
 * ONE watch cycle, and the only place that knows the stage order:
 *   lock → state + ledger → fetch every source (parallel, limited) → per source, in config
 *   order: decide → dedupe → append or queue → save state → rebuild output/ if anything changed
 *   → save state again.
 *
 * Crash safety comes from the order of the writes. Entry and queue files are written first, each
 * atomically; state.json (validators, checksums) after them, so a SIGKILL before the state write
 * means the next run fetches again and finds the items already in entries/ (the ledger reads the
 * files, not the state). `buildPending` is saved before the rebuild and cleared after, and the
 * ledger notices entries that state does not know, so output/ always catches up.
 */
import { access, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import { compileTopic, type decide } from '../pipeline/match.js';
import { buildSite } from '../publish/index.js';
import { recordFailure, recordSuccess } from '../state/backoff.js';
import { acquireLock, processAlive } from '../state/lock.js';
import { slowWrites } from '../state/slow.js';
import { emptySourceState, loadState, pruneSeen, saveState } from '../state/store.js';
import { fetchAll, type FetchOutcome, type Reader } from './fetch-all.js';
import { processItems } from './items.js';
import { buildLedger } from './ledger.js';
import { emptySourceSummary, totalsOf, type CycleSummary, type SourceSummary } from './summary.js';

export interface CycleOptions {
  logger?: Logger | undefined;
  /** Stop starting fetches (SIGINT/SIGTERM); what was fetched is still written. */
  signal?: AbortSignal | undefined;
  /** Override watch.lock_wait_seconds (ms). */
  lockWaitMs?: number | undefined;
  /** Who takes the lock, shown to a process that finds it held. */
  command?: string | undefined;
  /** Called as each source's fetch finishes (status only: counts come in the summary). */
  onSource?: ((s: SourceSummary, done: number, total: number) => void) | undefined;
  /** Injection points for unit tests. */
  now?: (() => Date) | undefined;
  read?: Reader | undefined;
  decide?: typeof decide | undefined;
  build?: typeof buildSite | undefined;
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

/** Temp files of atomic writes cut short by a crash (safe to remove: we hold the lock). */
async function removeLeftovers(dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const n of names) {
      if (/^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(n)) await rm(path.join(dir, n), { force: true });
      // A lock attempt cut short; other processes may be trying right now, so only dead ones'.
      const attempt = /^lock\.(\d+)\.[0-9a-f]{8}\.(tmp|stale)$/.exec(n);
      if (attempt && !processAlive(Number(attempt[1]))) await rm(path.join(dir, n), { force: true });
    }
  }
}

function summarize(name: string, url: string, outcome: FetchOutcome): SourceSummary {
  const s = emptySourceSummary(name, url);
  s.ms = outcome.ms;
  switch (outcome.kind) {
    case 'read':
      s.status = outcome.result.status;
      s.http = outcome.result.http?.status ?? null;
      break;
    case 'failed':
      s.status = 'error';
      s.http = outcome.status;
      s.error = outcome.message;
      break;
    default:
      s.status = outcome.kind;
  }
  return s;
}

export async function runCycle(config: ResolvedConfig, opts: CycleOptions = {}): Promise<CycleSummary> {
  const now = (opts.now ?? (() => new Date()))();
  const t0 = performance.now();
  const log = opts.logger;
  const lock = await acquireLock({
    stateDir: config.paths.state,
    command: opts.command ?? 'check',
    waitMs: opts.lockWaitMs ?? config.watch.lockWaitMs,
  });
  try {
    const state = await loadState(config);
    await removeLeftovers([config.paths.entries, config.paths.review, config.paths.state]);
    const { ledger, changed: reconciled } = await buildLedger(config, state, now);
    let changed = reconciled || state.buildPending;
    const compiled = compileTopic(config.topic);
    const sources = config.sources.filter((s) => s.enabled);

    let done = 0;
    const outcomes = await fetchAll({
      config,
      sources,
      states: state.sources,
      now,
      read: opts.read,
      signal: opts.signal,
      onDone: (source, outcome) => {
        // Progress as fetches finish; items are processed after all fetches, in config order.
        opts.onSource?.(summarize(source.name, source.url, outcome), ++done, sources.length);
      },
    });

    const summaries: SourceSummary[] = [];
    for (const [i, source] of sources.entries()) {
      const outcome = outcomes[i]!;
      const s = summarize(source.name, source.url, outcome);
      const prev = state.sources[source.url] ?? emptySourceState();
      if (outcome.kind === 'read') {
        const r = outcome.result;
        try {
          if (r.status === 'ok' && r.feed) changed = (await processItems({ config, state, ledger, compiled, now, decideFn: opts.decide }, source, r.feed, s)) || changed;
          state.sources[source.url] = recordSuccess(
            prev,
            {
              etag: r.http?.etag ?? null,
              lastModified: r.http?.lastModified ?? null,
              checksum: r.checksum,
              retryAfterSeconds: r.http?.retryAfterSeconds ?? null,
              fresh: r.status === 'ok',
            },
            now,
            config.watch.backoffMaxMs,
          );
        } catch (e) {
          // A local failure (disk full, unreadable entry) while writing this source's items:
          // keep the old validators so that its feed is processed again next time.
          s.status = 'error';
          s.error = describeError(e);
          state.sources[source.url] = recordFailure(prev, { message: s.error, status: null, retryAfterSeconds: null }, now, config.watch.backoffMaxMs);
        }
      } else if (outcome.kind === 'failed') {
        state.sources[source.url] = recordFailure(prev, outcome, now, config.watch.backoffMaxMs);
      } else if (outcome.kind === 'backoff') {
        s.error = prev.lastError;
      }
      const st = state.sources[source.url] ?? prev;
      s.errors = st.errors;
      s.nextTryAt = s.status === 'error' || s.status === 'backoff' ? st.nextTryAt : null;
      summaries.push(s);
      log?.info({ source: s.name, status: s.status, http: s.http, new: s.new, appended: s.appended, queued: s.queued, dropped: s.dropped, duplicates: s.duplicates, error: s.error, ms: s.ms }, 'source');
    }

    pruneSeen(state, now);
    const needsBuild = changed || !(await exists(path.join(config.paths.output, 'feed.xml')));
    state.buildPending = needsBuild;
    await saveState(config, state);

    const build: CycleSummary['build'] = { ran: false, entries: null, changed: 0, error: null };
    if (needsBuild) {
      build.ran = true;
      try {
        await slowWrites();
        const r = await (opts.build ?? buildSite)(config);
        build.entries = r.entries;
        build.changed = r.changed.length;
        state.buildPending = false;
      } catch (e) {
        build.error = describeError(e);
        log?.error({ error: build.error }, 'rebuild of output/ failed; it is retried next cycle');
      }
    }
    const totals = totalsOf(summaries);
    const summary: CycleSummary = {
      startedAt: now.toISOString(),
      finishedAt: new Date(now.getTime() + (performance.now() - t0)).toISOString(),
      ms: Math.round(performance.now() - t0),
      sources: summaries,
      totals,
      build,
      ok: totals.failed === 0 && build.error === null,
    };
    state.lastRun = summary;
    await saveState(config, state);
    return summary;
  } finally {
    await lock.release();
  }
}
