/**
 * The typed report of one watch cycle: what `check` prints, what `start` logs and what
 * `/healthz` and state.json's `lastRun` carry.
 */

export type SourceStatus =
  /** Fetched and parsed; its items were processed. */
  | 'ok'
  /** 304 Not Modified: nothing to do. */
  | 'not-modified'
  /** 200 with the same body checksum as last time: nothing to do. */
  | 'unchanged'
  /** The fetch, decode or parse failed this cycle. */
  | 'error'
  /** Skipped: still backing off after earlier failures (or a Retry-After). */
  | 'backoff'
  /** Not finished: the cycle was stopped (SIGINT/SIGTERM) before this source completed. */
  | 'aborted';

export interface SourceSummary {
  name: string;
  url: string;
  status: SourceStatus;
  /** HTTP status of the fetch, when there was one. */
  http: number | null;
  /** Items in the feed. */
  items: number;
  /** Items never seen before (neither appended, queued, dropped, rejected nor duplicate). */
  new: number;
  appended: number;
  queued: number;
  dropped: number;
  /** Items already known, repeated in the feed, tombstoned, or another outlet's copy of a story. */
  duplicates: number;
  /** One line, for status 'error' and 'backoff'. */
  error: string | null;
  /** Consecutive failed cycles. */
  errors: number;
  /** When the source will be tried again, if it is backing off (RFC 3339). */
  nextTryAt: string | null;
  ms: number;
}

export interface CycleSummary {
  startedAt: string;
  finishedAt: string;
  ms: number;
  sources: SourceSummary[];
  totals: { new: number; appended: number; queued: number; dropped: number; duplicates: number; failed: number };
  /** Whether output/ was rebuilt, and the error if the rebuild failed. */
  build: { ran: boolean; entries: number | null; changed: number; error: string | null };
  /** true when every source was processed (or skipped as unchanged) and the build worked. */
  ok: boolean;
}

export function emptySourceSummary(name: string, url: string): SourceSummary {
  return {
    name,
    url,
    status: 'ok',
    http: null,
    items: 0,
    new: 0,
    appended: 0,
    queued: 0,
    dropped: 0,
    duplicates: 0,
    error: null,
    errors: 0,
    nextTryAt: null,
    ms: 0,
  };
}

export function totalsOf(sources: readonly SourceSummary[]): CycleSummary['totals'] {
  const t = { new: 0, appended: 0, queued: 0, dropped: 0, duplicates: 0, failed: 0 };
  for (const s of sources) {
    t.new += s.new;
    t.appended += s.appended;
    t.queued += s.queued;
    t.dropped += s.dropped;
    t.duplicates += s.duplicates;
    if (s.status === 'error' || s.status === 'backoff') t.failed++;
  }
  return t;
}
