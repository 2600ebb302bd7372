import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig, type ResolvedConfig } from '../../../src/config.js';
import { emptyState, loadState, pruneSeen, saveState, SEEN_TTL_MS, stateFile } from '../../../src/state/store.js';

describe('state store', () => {
  let dir: string;
  let config: ResolvedConfig;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sf-state-'));
    config = resolveConfig('site: {title: T, url: "https://example.org/"}\n', path.join(dir, 'straitfeed.yaml'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lives inside entries/ and starts empty', async () => {
    expect(stateFile(config)).toBe(path.join(dir, 'entries/.straitfeed/state.json'));
    expect(await loadState(config)).toEqual(emptyState());
  });

  it('round-trips', async () => {
    const s = emptyState();
    s.tombstones['u:a.example/x'] = { at: '2026-11-20T00:00:00Z', reason: 'rejected', title: 'X' };
    s.sources['https://f.example/rss'] = { etag: '"e"', lastModified: null, checksum: 'c', errors: 2, lastError: 'x', nextTryAt: null, lastFetchAt: null };
    s.buildPending = true;
    await saveState(config, s);
    expect(await loadState(config)).toEqual(s);
  });

  it.each([
    ['{ not json', /state\.json: not valid JSON/],
    ['{"version": 7}', /not a straitfeed state file/],
  ])('refuses to guess over a damaged file: %s', async (text, message) => {
    await mkdir(path.dirname(stateFile(config)), { recursive: true });
    await writeFile(stateFile(config), text);
    await expect(loadState(config)).rejects.toThrow(message);
  });

  it('forgets old dropped keys', () => {
    const s = emptyState();
    const now = new Date('2026-11-20T00:00:00Z');
    s.seen.old = { at: new Date(now.getTime() - SEEN_TTL_MS - 1).toISOString(), as: 'dropped' };
    s.seen.recent = { at: now.toISOString(), as: 'dropped' };
    pruneSeen(s, now);
    expect(Object.keys(s.seen)).toEqual(['recent']);
  });
});
