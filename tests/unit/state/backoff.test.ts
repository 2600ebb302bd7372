import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, backoffDelayMs, inBackoff, recordFailure, recordSuccess } from '../../../src/state/backoff.js';
import { emptySourceState } from '../../../src/state/store.js';

const now = new Date('2026-11-20T00:00:00Z');
const DAY = 86_400_000;

describe('backoff', () => {
  it.each([
    [0, 0],
    [1, BACKOFF_BASE_MS],
    [2, 2 * BACKOFF_BASE_MS],
    [4, 8 * BACKOFF_BASE_MS],
    [20, DAY],
    [1000, DAY],
  ])('after %i failures waits %i ms (capped at a day)', (errors, ms) => {
    expect(backoffDelayMs(errors, DAY)).toBe(ms);
  });

  it('counts failures and pushes the next try out', () => {
    const s = recordFailure(emptySourceState(), { message: 'fetch: timeout', status: null, retryAfterSeconds: null }, now, DAY);
    expect(s).toMatchObject({ errors: 1, lastError: 'fetch: timeout', nextTryAt: new Date(now.getTime() + BACKOFF_BASE_MS).toISOString() });
    expect(inBackoff(s, now)).toBe(true);
    expect(inBackoff(s, new Date(now.getTime() + BACKOFF_BASE_MS + 1))).toBe(false);
  });

  it.each([
    [429, 3600, 3600_000],
    [503, 7200, 7200_000],
    [429, 10 * 86_400, DAY], // never longer than the cap
    [500, 3600, BACKOFF_BASE_MS], // Retry-After only means something on 429/503
    [429, 1, BACKOFF_BASE_MS], // nor shorter than the backoff
  ])('HTTP %i with Retry-After %is waits %i ms', (status, ra, ms) => {
    const s = recordFailure(emptySourceState(), { message: 'x', status, retryAfterSeconds: ra }, now, DAY);
    expect(Date.parse(s.nextTryAt!) - now.getTime()).toBe(ms);
  });

  it('a success resets the count and keeps validators a 304 did not repeat', () => {
    const failed = { ...emptySourceState(), etag: '"a"', lastModified: 'x', errors: 3, lastError: 'boom', nextTryAt: now.toISOString() };
    const s = recordSuccess(failed, { etag: null, lastModified: null, checksum: null, retryAfterSeconds: null, fresh: false }, now, DAY);
    expect(s).toMatchObject({ errors: 0, lastError: null, nextTryAt: null, etag: '"a"', lastModified: 'x' });
    const fresh = recordSuccess(failed, { etag: null, lastModified: null, checksum: 'c', retryAfterSeconds: null, fresh: true }, now, DAY);
    expect(fresh).toMatchObject({ etag: null, lastModified: null, checksum: 'c' });
  });
});
