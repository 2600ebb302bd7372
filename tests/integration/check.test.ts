/**
 * `straitfeed check` end to end: the real CLI on a temporary site, sources served by a fixture
 * server on 127.0.0.1.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CycleSummary } from '../../src/jobs/summary.js';
import { runCli } from '../helpers/cli.js';
import { fixed, startServer, type FixtureServer } from '../helpers/server.js';
import { makeSite, type TempSite } from '../helpers/site.js';
import { BORDERLINE, hangs, OFF_TOPIC, OFF_TOPIC_2, ON_TOPIC_1, ON_TOPIC_1_ELSEWHERE, ON_TOPIC_2, politeFeed, rss } from './watch-fixtures.js';
import { TEST_TOPIC } from './watch-topic.js';

async function entryFiles(site: TempSite): Promise<string[]> {
  return (await readdir(site.entries)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
}

describe('check', () => {
  let server: FixtureServer;
  let site: TempSite;
  const alpha = politeFeed(rss('Alpha', [ON_TOPIC_1, ON_TOPIC_2, BORDERLINE, OFF_TOPIC]));
  const beta = politeFeed(rss('Beta', [ON_TOPIC_1_ELSEWHERE, OFF_TOPIC_2]), '"b1"');
  let first: CycleSummary;
  let firstCode: number | null;

  beforeAll(async () => {
    server = await startServer({ '/alpha.xml': alpha, '/beta.xml': beta, '/hang.xml': hangs, '/broken.xml': fixed('oops', {}, 500),
      '/busy.xml': fixed('slow down', { 'retry-after': '3600' }, 429),
    });
    site = await makeSite({
      sources: [
        { name: 'Alpha Wire', url: `${server.url}/alpha.xml`, language: 'en' },
        { name: 'Beta News', url: `${server.url}/beta.xml`, language: 'en' },
        { name: 'Hanging', url: `${server.url}/hang.xml` },
        { name: 'Broken', url: `${server.url}/broken.xml` },
        { name: 'Busy', url: `${server.url}/busy.xml` },
      ],
      topic: TEST_TOPIC,
      fetch: { timeout_seconds: 1 },
    });
    const r = await runCli(['check', '--json', '--config', site.config]);
    firstCode = r.code;
    expect(r.stderr).not.toMatch(/internal error/);
    first = JSON.parse(r.stdout) as CycleSummary;
  });
  afterAll(async () => {
    await server.close();
    await site.cleanup();
  });

  it('appends the on-topic items, queues the borderline one and drops the rest', async () => {
    const a = first.sources.find((s) => s.name === 'Alpha Wire')!;
    expect(a).toMatchObject({ status: 'ok', new: 4, appended: 2, queued: 1, dropped: 1, duplicates: 0 });
    const files = await entryFiles(site);
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/^2026-11-16-[a-z0-9-]+\.md$/);
    const queue = await readdir(path.join(site.entries, '.straitfeed/review'));
    expect(queue.filter((n) => n.endsWith('.md'))).toHaveLength(1);
  });

  it('appends a story carried by two sources once, recording the other outlet', async () => {
    const b = first.sources.find((s) => s.name === 'Beta News')!;
    expect(b).toMatchObject({ status: 'ok', appended: 0, duplicates: 1, dropped: 1 });
    const texts = await Promise.all((await entryFiles(site)).map((f) => readFile(path.join(site.entries, f), 'utf8')));
    const drill = texts.find((t) => t.includes('ransomware'))!;
    const front = parse(drill.split('---\n')[1]!) as Record<string, unknown>;
    expect(front).toMatchObject({
      source: 'Alpha Wire',
      source_feed: `${server.url}/alpha.xml`,
      guid: 'alpha-1',
      also_reported_by: [{ source: 'Beta News', link: ON_TOPIC_1_ELSEWHERE.link }],
    });
    expect(typeof front.key).toBe('string');
    expect(front.reasons).toBeInstanceOf(Array);
  });

  it('reports the hanging and the failing source while publishing the others', async () => {
    expect(firstCode).toBe(1);
    expect(first.sources.find((s) => s.name === 'Hanging')).toMatchObject({ status: 'error', errors: 1 });
    expect(first.sources.find((s) => s.name === 'Broken')).toMatchObject({ status: 'error', http: 500, errors: 1 });
    expect(first.sources.find((s) => s.name === 'Broken')!.nextTryAt).toMatch(/^\d{4}-/);
    // 429 with Retry-After: one hour, not the five-minute first backoff.
    const busy = first.sources.find((s) => s.name === 'Busy')!;
    expect(busy).toMatchObject({ status: 'error', http: 429 });
    expect(Date.parse(busy.nextTryAt!) - Date.parse(first.startedAt)).toBe(3600_000);
    const feed = await readFile(path.join(site.output, 'feed.xml'), 'utf8');
    expect(feed).toContain('joint cybersecurity drill');
    expect(feed).toContain('cooperation memorandum');
    expect(feed).not.toContain('football');
    expect(feed).not.toContain('trade fair');
    // Provenance reaches the readers: RSS <source>, Atom atom:source.
    expect(feed).toContain(`<source url="${server.url}/alpha.xml">Alpha Wire</source>`);
    const atom = await readFile(path.join(site.output, 'atom.xml'), 'utf8');
    expect(atom).toMatch(new RegExp(`<source>\\s*<id>${server.url}/alpha\\.xml</id>\\s*<title type="text">Alpha Wire</title>`));
  });

  it('gets only 304s on the second cycle and appends nothing', async () => {
    const before = await entryFiles(site);
    const alphaHits = alpha.hits.length;
    const r = await runCli(['check', '--json', '--config', site.config]);
    const second = JSON.parse(r.stdout) as CycleSummary;
    expect(second.sources.find((s) => s.name === 'Alpha Wire')!.status).toBe('not-modified');
    expect(second.sources.find((s) => s.name === 'Beta News')!.status).toBe('not-modified');
    expect(alpha.hits.slice(alphaHits)).toEqual([{ status: 304 }]);
    expect(beta.hits.at(-1)).toEqual({ status: 304 });
    expect(second.totals.appended).toBe(0);
    expect(second.build.ran).toBe(false);
    // The failing sources back off instead of being hammered, and still count as failed.
    expect(second.sources.find((s) => s.name === 'Broken')).toMatchObject({ status: 'backoff', errors: 1 });
    expect(r.code).toBe(1);
    expect(await entryFiles(site)).toEqual(before);
  });

  it('prints a table per source without --json', async () => {
    const r = await runCli(['check', '--config', site.config]);
    expect(r.stdout).toMatch(/^source\s+status\s+new\s+appended\s+queued\s+dropped\s+duplicates\s+time\s+error/);
    expect(r.stdout).toMatch(/Alpha Wire\s+304\s+0\s+0/);
    expect(r.stdout).toMatch(/Broken\s+backoff .*failures: 1, next try/);
    // Not a terminal: JSON-lines logs on stderr.
    expect(r.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('{'))).toBe(true);
  });
});
