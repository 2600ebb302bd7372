/**
 * The fetch half of a cycle: read every enabled source in parallel, at most `concurrency` at a
 * time and at most `perHost` per host, skipping sources that are backing off. Never throws: a
 * failure is a result like any other, so one failing source never stops the others.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { ResolvedConfig, ResolvedSource } from '../config.js';
import { describeError, isStraitfeedError } from '../errors.js';
import { readSource, type ReadResult } from '../pipeline/read.js';
import { inBackoff } from '../state/backoff.js';
import type { SourceState } from '../state/store.js';

export type FetchOutcome =
  | { kind: 'read'; result: ReadResult; ms: number }
  | { kind: 'failed'; message: string; status: number | null; retryAfterSeconds: number | null; ms: number }
  | { kind: 'backoff'; ms: 0 }
  | { kind: 'aborted'; ms: number };

export type Reader = typeof readSource;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function failure(e: unknown): { message: string; status: number | null; retryAfterSeconds: number | null } {
  if (isStraitfeedError(e)) {
    const status = typeof e.details.status === 'number' ? e.details.status : null;
    const ra = typeof e.details.retryAfterSeconds === 'number' ? e.details.retryAfterSeconds : null;
    return { message: describeError(e), status, retryAfterSeconds: ra };
  }
  return { message: describeError(e), status: null, retryAfterSeconds: null };
}

export interface FetchAllOptions {
  config: ResolvedConfig;
  sources: readonly ResolvedSource[];
  states: Record<string, SourceState>;
  now: Date;
  read?: Reader;
  signal?: AbortSignal | undefined;
  /** Called as each source finishes, in completion order. */
  onDone?: (source: ResolvedSource, outcome: FetchOutcome) => void;
}

/** Fetch every source; the outcomes come back in the order of `sources`. */
export async function fetchAll(o: FetchAllOptions): Promise<FetchOutcome[]> {
  const read = o.read ?? readSource;
  const global = pLimit(o.config.watch.concurrency);
  const perHost = new Map<string, LimitFunction>();
  const hostLimit = (url: string): LimitFunction => {
    const h = hostOf(url);
    let l = perHost.get(h);
    if (!l) perHost.set(h, (l = pLimit(o.config.watch.perHost)));
    return l;
  };

  const one = async (source: ResolvedSource): Promise<FetchOutcome> => {
    const st = o.states[source.url];
    if (inBackoff(st, o.now)) return { kind: 'backoff', ms: 0 };
    if (o.signal?.aborted) return { kind: 'aborted', ms: 0 };
    const t0 = performance.now();
    try {
      const result = await read(source.url, {
        fetch: o.config.fetch,
        validators: st ? { etag: st.etag, lastModified: st.lastModified } : undefined,
        previousChecksum: st?.checksum ?? null,
        languageHint: source.language,
        signal: o.signal,
      });
      return { kind: 'read', result, ms: Math.round(performance.now() - t0) };
    } catch (e) {
      const ms = Math.round(performance.now() - t0);
      // Stopped by SIGINT/SIGTERM: not the source's fault, no backoff.
      if (o.signal?.aborted) return { kind: 'aborted', ms };
      return { kind: 'failed', ...failure(e), ms };
    }
  };

  // Wait for a host slot before taking a global slot, so that a queue of sources on one slow
  // host never holds global slots that other hosts could use.
  return Promise.all(
    o.sources.map((s) =>
      hostLimit(s.url)(() => global(() => one(s))).then((outcome) => {
        o.onDone?.(s, outcome);
        return outcome;
      }),
    ),
  );
}
