/** runCycle with an injected reader and builder: orchestration, limits, politeness, isolation. */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { resolveConfig, type ResolvedConfig } from '../../../src/config.js';
import { StraitfeedError } from '../../../src/errors.js';
import { runCycle } from '../../../src/jobs/watch.js';
import type { Decision, ParsedFeed, SourceItem } from '../../../src/model.js';
import type { ReadOptions, ReadResult } from '../../../src/pipeline/read.js';
import { loadState } from '../../../src/state/store.js';

const item = (n: number, title: string): SourceItem => ({
  guid: `id-${n}`,
  link: `https://news.example/${n}`,
  title,
  summary: `Text ${n}.`,
  content: null,
  published: '2026-11-16T08:00:00Z',
  updated: null,
  authors: [],
  categories: [],
  enclosures: [],
  warnings: [],
});
const feed = (items: SourceItem[]): ParsedFeed => ({ format: 'rss', version: 'rss 2.0', title: 'F', link: null, language: 'en', items, warnings: [] });
const ok = (url: string, items: SourceItem[], etag = '"1"'): ReadResult => ({
  url,
  status: 'ok',
  http: { status: 200, etag, lastModified: null, retryAfterSeconds: null, cacheControl: null },
  checksum: `sum-${items.length}`,
  encoding: 'utf-8',
  feed: feed(items),
});
// The decision is part of the title, so each test states what it expects.
const decide = (i: { title: string | null }): Decision => ({
  decision: /APPEND/.test(i.title ?? '') ? 'append' : /REVIEW/.test(i.title ?? '') ? 'review' : 'drop',
  score: 0.5,
  reasons: ['test rule'],
});
// Stands in for the publisher: output/feed.xml existing is how a cycle knows output/ was built.
const build = async (c: ResolvedConfig): Promise<{ entries: number; files: string[]; changed: string[] }> => {
  await mkdir(c.paths.output, { recursive: true });
  await writeFile(path.join(c.paths.output, 'feed.xml'), '<rss/>');
  return { entries: 0, files: [], changed: [] };
};

describe('runCycle', () => {
  let dir: string;
  const configWith = (sources: { name: string; url: string }[], watch: Record<string, unknown> = {}): ResolvedConfig =>
    resolveConfig(stringify({ site: { title: 'T', url: 'https://example.org/' }, sources, watch }), path.join(dir, 'straitfeed.yaml'));
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sf-watch-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps going when one source throws, and records its failure', async () => {
    const config = configWith([
      { name: 'Bad', url: 'https://bad.example/rss' },
      { name: 'Good', url: 'https://good.example/rss' },
    ]);
    const read = async (url: string): Promise<ReadResult> => {
      if (url.includes('bad')) throw new StraitfeedError('FETCH_HTTP', 'HTTP 429', { stage: 'fetch', where: url, details: { status: 429, retryAfterSeconds: 7200 } });
      return ok(url, [item(1, 'APPEND one'), item(2, 'REVIEW two'), item(3, 'other')]);
    };
    const now = new Date('2026-11-20T00:00:00Z');
    const s = await runCycle(config, { read, decide, build, now: () => now });
    expect(s.sources.map((x) => [x.name, x.status, x.appended, x.queued, x.dropped])).toEqual([
      ['Bad', 'error', 0, 0, 0],
      ['Good', 'ok', 1, 1, 1],
    ]);
    expect(s.sources[0]).toMatchObject({ http: 429, errors: 1, nextTryAt: '2026-11-20T02:00:00.000Z' });
    expect(s.ok).toBe(false);
    expect(s.build.ran).toBe(true);
    expect((await readdir(config.paths.entries)).filter((n) => n.endsWith('.md'))).toEqual(['2026-11-16-append-one.md']);
    const state = await loadState(config);
    expect(state.sources['https://good.example/rss']).toMatchObject({ etag: '"1"', errors: 0 });
    expect(state.lastRun?.totals).toMatchObject({ appended: 1, queued: 1, dropped: 1, failed: 1 });

    // Next cycle: the failing source is backing off (not fetched), the good one unchanged.
    let fetched: string[] = [];
    const read2 = async (url: string, o: ReadOptions): Promise<ReadResult> => {
      fetched.push(url);
      expect(o.validators?.etag).toBe('"1"');
      expect(o.previousChecksum).toBe('sum-3');
      return { ...ok(url, []), status: 'not-modified', http: { status: 304, etag: null, lastModified: null, retryAfterSeconds: null, cacheControl: null }, checksum: null, feed: null };
    };
    const s2 = await runCycle(config, { read: read2, decide, build, now: () => new Date(now.getTime() + 60_000) });
    expect(fetched).toEqual(['https://good.example/rss']);
    expect(s2.sources.map((x) => x.status)).toEqual(['backoff', 'not-modified']);
    expect(s2.sources[0]!.error).toMatch(/HTTP 429/);
    expect(s2.build.ran).toBe(false);

    // Once the Retry-After has passed, it is tried again: never disabled for good.
    fetched = [];
    await runCycle(config, { read: read2, decide, build, now: () => new Date(now.getTime() + 7200_001) });
    expect(fetched.sort()).toEqual(['https://bad.example/rss', 'https://good.example/rss']);
  });

  it('respects the global and the per-host limits', async () => {
    const sources = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e'].map((h, i) => ({ name: `S${i}`, url: `https://${h}.example/${i}` }));
    const config = configWith(sources, { concurrency: 3, per_host: 1 });
    let active = 0;
    let peak = 0;
    const perHost = new Map<string, number>();
    let hostPeak = 0;
    const read = async (url: string): Promise<ReadResult> => {
      const h = new URL(url).host;
      active++;
      perHost.set(h, (perHost.get(h) ?? 0) + 1);
      peak = Math.max(peak, active);
      hostPeak = Math.max(hostPeak, perHost.get(h)!);
      await new Promise((r) => setTimeout(r, 20));
      active--;
      perHost.set(h, perHost.get(h)! - 1);
      return ok(url, []);
    };
    const s = await runCycle(config, { read, decide, build });
    expect(s.sources).toHaveLength(8);
    expect(peak).toBe(3);
    expect(hostPeak).toBe(1);
  });

  it('appends a story once when two sources carry it, even under one URL', async () => {
    const config = configWith([
      { name: 'One', url: 'https://one.example/rss' },
      { name: 'Two', url: 'https://two.example/rss' },
    ]);
    const shared = { ...item(1, 'APPEND shared story about a drill'), guid: null, link: 'https://wire.example/story?utm_source=one' };
    const read = async (url: string): Promise<ReadResult> =>
      ok(url, [url.includes('two') ? { ...shared, link: 'https://wire.example/story/?fbclid=2' } : shared]);
    const s = await runCycle(config, { read, decide, build });
    expect(s.sources.map((x) => [x.appended, x.duplicates])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('stops fetching when aborted, without counting it as a failure', async () => {
    const config = configWith([{ name: 'Slow', url: 'https://slow.example/rss' }]);
    const ctl = new AbortController();
    const read = (_url: string, o: ReadOptions): Promise<ReadResult> =>
      new Promise((_, reject) => o.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    setTimeout(() => ctl.abort(), 20);
    const s = await runCycle(config, { read, decide, build, signal: ctl.signal });
    expect(s.sources[0]).toMatchObject({ status: 'aborted', errors: 0 });
    expect((await loadState(config)).sources['https://slow.example/rss']).toBeUndefined();
  });

  it('removes temp files left by writes that a crash cut short', async () => {
    const config = configWith([]);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await mkdir(config.paths.state, { recursive: true });
    await writeFile(path.join(config.paths.entries, '.2026-11-16-a.md.123.abcdef01.tmp'), 'half an entry');
    await writeFile(path.join(config.paths.state, `.state.json.${dead}.0123abcd.tmp`), '{');
    await writeFile(path.join(config.paths.state, `lock.${dead}.0123abcd.tmp`), '{}');
    await runCycle(config, { decide, build });
    expect(await readdir(config.paths.entries)).toEqual(['.straitfeed']);
    expect((await readdir(config.paths.state)).sort()).toEqual(['state.json']);
  });
});
