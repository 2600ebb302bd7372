/**
 * Politeness after failures: exponential backoff per source, capped, never permanent; a
 * Retry-After from a 429 or 503 is honoured (within the same cap, so a hostile header cannot
 * silence a source for a year).
 */
import type { SourceState } from './store.js';

/** The first retry waits this long; each further failure doubles it. */
export const BACKOFF_BASE_MS = 5 * 60_000;

export function backoffDelayMs(errors: number, maxMs: number): number {
  if (errors <= 0) return 0;
  const exp = Math.min(errors - 1, 30);
  return Math.min(maxMs, BACKOFF_BASE_MS * 2 ** exp);
}

/** Whether the source must be skipped at `now`. */
export function inBackoff(s: SourceState | undefined, now: Date): boolean {
  return !!s?.nextTryAt && Date.parse(s.nextTryAt) > now.getTime();
}

export interface FailureFacts {
  message: string;
  /** HTTP status, when the failure was an HTTP answer. */
  status: number | null;
  retryAfterSeconds: number | null;
}

/** The source state after a failed fetch: one more error, the next try pushed out. */
export function recordFailure(s: SourceState, f: FailureFacts, now: Date, maxMs: number): SourceState {
  const errors = s.errors + 1;
  let delay = backoffDelayMs(errors, maxMs);
  if ((f.status === 429 || f.status === 503) && f.retryAfterSeconds !== null && f.retryAfterSeconds > 0) {
    delay = Math.max(delay, Math.min(maxMs, f.retryAfterSeconds * 1000));
  }
  return { ...s, errors, lastError: f.message, nextTryAt: new Date(now.getTime() + delay).toISOString(), lastFetchAt: now.toISOString() };
}

/** The source state after a successful fetch (200, 304 or unchanged). */
export function recordSuccess(
  s: SourceState,
  v: { etag: string | null; lastModified: string | null; checksum: string | null; retryAfterSeconds: number | null; fresh: boolean },
  now: Date,
  maxMs: number,
): SourceState {
  // A 200 may still carry Retry-After ("come back later"): respect it as the earliest next try.
  const next =
    v.retryAfterSeconds !== null && v.retryAfterSeconds > 0
      ? new Date(now.getTime() + Math.min(maxMs, v.retryAfterSeconds * 1000)).toISOString()
      : null;
  return {
    // A new body replaces the validators; a 304 may omit them, keeping the old ones valid.
    etag: v.fresh ? v.etag : (v.etag ?? s.etag),
    lastModified: v.fresh ? v.lastModified : (v.lastModified ?? s.lastModified),
    checksum: v.checksum ?? s.checksum,
    errors: 0,
    lastError: null,
    nextTryAt: next,
    lastFetchAt: now.toISOString(),
  };
}
