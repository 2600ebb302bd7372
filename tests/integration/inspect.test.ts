/**
 * `straitfeed inspect` as a user runs it: the compiled CLI against a 127.0.0.1 server that serves
 * every fixture feed (with its Content-Type) and every hostile case, and against local files.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, GOLDEN_DIR, FEEDS_DIR, fixtureBytes, type FeedFixture } from '../fixtures/feeds/catalog.js';
import { runCli } from '../helpers/cli.js';
import { drip, hang, huge, redirect, redirectLoop, resetMidBody, status } from '../helpers/hostile.js';
import { fixed, startServer, type FixtureServer } from '../helpers/server.js';
import { makeSite, type TempSite } from '../helpers/site.js';

interface InspectJson {
  source: { url: string; format: string; title: string | null; encoding: string };
  items: { guid: string | null; link: string | null; title: string | null; published: string | null; summary: string | null; decision: string; score: number; reasons: string[] }[];
}

interface Golden {
  title: string | null;
  items: { guid: string | null; link: string | null; title: string | null; published: string | null; summary: string | null }[];
}

let server: FixtureServer;
/** Generous timeout: under a loaded CI machine a short one would fail feeds that are fine. */
let site: TempSite;
/** A 1.5 s timeout, for the cases that must end by timing out. */
let impatient: TempSite;

beforeAll(async () => {
  server = await startServer();
  // Served under /src/<file> so that links resolve like the golden files' https://feeds.example.test/src/<file>.
  for (const f of FIXTURES) server.route(`/src/${f.file}`, fixed(fixtureBytes(f), { 'content-type': f.contentType }));
  server.route('/hang', hang);
  server.route('/drip', drip);
  server.route('/reset', resetMidBody);
  server.route('/50mb', huge(50 * 1024 * 1024, { declareLength: false }));
  for (let i = 0; i < 10; i++) server.route(`/loop/${i}`, redirectLoop);
  server.route('/to-file', redirect('file:///etc/passwd'));
  server.route('/304', status(304));
  server.route('/404', status(404));
  server.route('/429', status(429, { 'retry-after': '90' }));
  server.route('/500', status(500));
  server.route('/page', fixed(readFileSync(path.join(FEEDS_DIR, 'html-page.html')), { 'content-type': 'text/html; charset=utf-8' }));
  site = await makeSite({ fetch: { timeout_seconds: 30, max_bytes: 1024 * 1024, max_redirects: 3 } });
  impatient = await makeSite({ fetch: { timeout_seconds: 1.5, max_bytes: 1024 * 1024, max_redirects: 3 } });
});
afterAll(async () => {
  await server.close();
  await site.cleanup();
  await impatient.cleanup();
});

function golden(f: FeedFixture): Golden {
  const text = readFileSync(path.join(GOLDEN_DIR, `${f.name}.json`), 'utf8').replaceAll('https://feeds.example.test', server.url);
  return JSON.parse(text) as Golden;
}

describe('inspect --json on every fixture over HTTP', () => {
  it.concurrent.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const r = await runCli(['inspect', `${server.url}/src/${f.file}`, '--json', '--config', site.config]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as InspectJson;
    const g = golden(f);
    expect(out.source).toMatchObject({ url: `${server.url}/src/${f.file}`, format: f.format, encoding: f.encoding, title: g.title });
    expect(out.items.map((i) => ({ guid: i.guid, link: i.link, title: i.title, published: i.published, summary: i.summary }))).toEqual(
      g.items.map((i) => ({ guid: i.guid, link: i.link, title: i.title, published: i.published, summary: i.summary })),
    );
    for (const item of out.items) {
      expect(['append', 'review', 'drop']).toContain(item.decision);
      expect(typeof item.score).toBe('number');
      expect(Array.isArray(item.reasons)).toBe(true);
    }
  });
});

describe('inspect, human form and local files', () => {
  it('prints a table of decision, score, date and title with reasons', async () => {
    const big5 = FIXTURES.find((f) => f.name === 'zh-big5')!;
    const r = await runCli(['inspect', `${server.url}/src/${big5.file}`, '--config', site.config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('海峽資安快報（Big5）');
    expect(r.stdout).toContain('rss 2.0, big5, 1 item(s)');
    expect(r.stdout).toMatch(/DECISION\s+SCORE\s+DATE\s+TITLE/);
    expect(r.stdout).toMatch(/(append|review|drop)\s+\d\.\d\d\s+2024-03-06\s+臺灣與美國舉行資安聯合演練/);
    expect(r.stdout).toContain('reasons: ');
  });

  it('reads a local file in a legacy encoding (config before the command)', async () => {
    const f = FIXTURES.find((x) => x.name === 'zh-gb18030')!;
    const file = path.join(site.dir, 'gb18030.xml');
    await writeFile(file, fixtureBytes(f));
    const r = await runCli(['--config', site.config, 'inspect', file, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as InspectJson;
    expect(out.source).toMatchObject({ url: file, encoding: 'gb18030', format: 'rss' });
    expect(out.items[0]!.title).toBe('四字节字符 𠮷 与欧元符号 €');
  });
});

describe('inspect failures: exit 1, one line on stderr, within the bound', () => {
  it.concurrent.each([
    ['/hang', /^straitfeed: fetch: http:\/\/127\.0\.0\.1:\d+\/hang: no complete answer within 1\.5 s$/],
    ['/drip', /^straitfeed: fetch: .*\/drip: no complete answer within 1\.5 s$/],
  ])('%s times out', async (route, message) => {
    const r = await runCli(['inspect', `${server.url}${route}`, '--config', impatient.config], { timeoutMs: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  it.concurrent.each([
    ['/reset', /^straitfeed: fetch: .*\/reset: reading the body failed: /],
    ['/50mb', /^straitfeed: fetch: .*\/50mb: body larger than 1048576 bytes$/],
    ['/loop/0', /^straitfeed: fetch: .*\/loop\/0: more than 3 redirects/],
    ['/to-file', /^straitfeed: fetch: .*\/to-file: redirect to a non-http\(s\) URL refused: file:\/\/\/etc\/passwd$/],
    ['/304', /^straitfeed: fetch: .*\/304: HTTP 304 Not Modified to a request without validators$/],
    ['/404', /^straitfeed: fetch: .*\/404: HTTP 404 Not Found$/],
    ['/429', /^straitfeed: fetch: .*\/429: HTTP 429 Too Many Requests \(retry after 90 s\)$/],
    ['/500', /^straitfeed: fetch: .*\/500: HTTP 500 Internal Server Error$/],
    ['/page', /^straitfeed: parse: .*\/page: not a feed but an HTML page; configure its feed instead: http:\/\/127\.0\.0\.1:\d+\/rss\/all\.xml, https:\/\/news\.example\.org\/atom\.xml, http:\/\/127\.0\.0\.1:\d+\/feed\.json$/],
  ])('%s', async (route, message) => {
    const r = await runCli(['inspect', `${server.url}${route}`, '--config', site.config], { timeoutMs: 40_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  it.concurrent.each([
    ['missing.xml', /^straitfeed: fetch: .*missing\.xml: no such file$/],
    ['not-a-feed.xml', /^straitfeed: parse: \/.*\/not-a-feed\.xml: not a feed: the root element is <sitemap>$/],
    ['malformed.xml', /^straitfeed: parse: \/.*\/malformed\.xml:1: malformed XML: /],
  ])('local %s', async (name, message) => {
    const r = await runCli(['inspect', path.join(FEEDS_DIR, name), '--config', site.config]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  it('a bad config exits 2 before reading anything', async () => {
    const bad = await makeSite({ fetch: { timeout_seconds: 'soon' } });
    try {
      const r = await runCli(['inspect', `${server.url}/404`, '--config', bad.config]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/fetch\.timeout_seconds/);
    } finally {
      await bad.cleanup();
    }
  });
});
