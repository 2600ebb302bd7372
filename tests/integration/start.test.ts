/** `straitfeed start`: serves output/ with the right headers, runs the schedule, stops cleanly. */
import type { ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { startServer, type FixtureServer } from '../helpers/server.js';
import { makeSite, type TempSite } from '../helpers/site.js';
import { ON_TOPIC_1, politeFeed, rss } from './watch-fixtures.js';
import { TEST_TOPIC } from './watch-topic.js';

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('start', () => {
  let feeds: FixtureServer;
  let site: TempSite;
  let child: ChildProcess;
  let base: string;
  let stderr = '';

  beforeAll(async () => {
    feeds = await startServer({ '/alpha.xml': politeFeed(rss('Alpha', [ON_TOPIC_1])) });
    site = await makeSite({
      topic: TEST_TOPIC,
      schedule: '* * * * * *',
      sources: [{ name: 'Alpha Wire', url: `${feeds.url}/alpha.xml` }],
      server: { host: '127.0.0.1', port: 0 },
    });
    await site.writeEntry('2026-11-01-hand-written.md', '---\ntitle: "A hand-written entry"\ndate: 2026-11-01\n---\nBody text.\n');
    child = spawnCli(['start', '--config', site.config], { env: { STRAITFEED_LOG_LEVEL: 'info' } });
    child.stdin!.end();
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('close', (code) => reject(new Error(`start exited ${code}: ${stderr}`)));
    });
    // start runs a cycle right away; it rewrites output/ once (the one on-topic item), and later
    // cycles get 304s. Wait for that first cycle so that validators and bodies stay put below.
    for (let i = 0; i < 150; i++) {
      const h = JSON.parse((await get(`${base}/healthz`)).body.toString('utf8')) as { lastCycle: unknown; running: boolean };
      if (h.lastCycle && !h.running) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await feeds.close();
    await site.cleanup();
  });

  it.each([
    ['/feed.xml', 'application/rss+xml; charset=utf-8'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
  ])('serves %s as %s with validators', async (p, type) => {
    const r = await get(`${base}${p}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers.etag).toMatch(/^"[^"]+"$/);
    expect(Date.parse(String(r.headers['last-modified']))).not.toBeNaN();
  });

  it('answers 304 to a conditional request, by ETag or by date', async () => {
    const r = await get(`${base}/feed.xml`);
    expect((await get(`${base}/feed.xml`, { 'if-none-match': String(r.headers.etag) })).status).toBe(304);
    expect((await get(`${base}/feed.xml`, { 'if-modified-since': String(r.headers['last-modified']) })).status).toBe(304);
    expect((await get(`${base}/feed.xml`, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('compresses when the client accepts gzip', async () => {
    const plain = await get(`${base}/index.html`);
    const gz = await get(`${base}/index.html`, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.headers.etag).not.toBe(plain.headers.etag);
  });

  it.each(['/../straitfeed.yaml', '/%2e%2e/straitfeed.yaml', '/..%2fstraitfeed.yaml', '/nope.xml'])('answers 404 to %s', async (p) => {
    expect((await get(`${base}${p}`)).status).toBe(404);
  });

  it('runs the scheduled cycle and reports it on /healthz', async () => {
    let health: { lastCycle: { totals: { appended: number } } | null; nextRun: string | null } = { lastCycle: null, nextRun: null };
    for (let i = 0; i < 100 && !health.lastCycle; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const r = await get(`${base}/healthz`);
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      health = JSON.parse(r.body.toString('utf8')) as typeof health;
    }
    expect(health.lastCycle).not.toBeNull();
    expect(health.nextRun).toMatch(/^\d{4}-\d\d-\d\dT/);
    const feed = await get(`${base}/feed.xml`);
    expect(feed.body.toString('utf8')).toContain('joint cybersecurity drill');
  });

  it('exits 0 on SIGTERM', async () => {
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/"msg":"stopped"/);
  });
});

describe('start, stopped during a cycle', () => {
  it('aborts the fetch in progress, keeps what was written and exits 0', async () => {
    let hanging = 0;
    const feeds = await startServer({
      '/alpha.xml': politeFeed(rss('Alpha', [ON_TOPIC_1])),
      '/hang.xml': () => {
        hanging++;
        return new Promise<void>(() => {});
      },
    });
    const site = await makeSite({
      topic: TEST_TOPIC,
      schedule: '* * * * * *',
      sources: [
        { name: 'Alpha Wire', url: `${feeds.url}/alpha.xml` },
        { name: 'Hanging', url: `${feeds.url}/hang.xml` },
      ],
      // Far longer than the test may take: only the abort can end this cycle in time.
      fetch: { timeout_seconds: 300 },
      server: { host: '127.0.0.1', port: 0 },
    });
    try {
      const child = spawnCli(['start', '--config', site.config], { env: { STRAITFEED_LOG_LEVEL: 'info' } });
      child.stdin!.end();
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const closed = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      while (hanging === 0) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGTERM');
      expect(await closed).toBe(0);
      expect(stderr).toMatch(/"msg":"stopped"/);
      // Alpha's item was written before the stop; the hanging source was not blamed for it.
      const entries = (await readdir(site.entries)).filter((n) => n.endsWith('.md'));
      expect(entries).toHaveLength(1);
      const state = JSON.parse(await readFile(`${site.entries}/.straitfeed/state.json`, 'utf8')) as {
        sources: Record<string, { errors: number } | undefined>;
        lastRun: { sources: { name: string; status: string }[] };
      };
      expect(state.sources[`${feeds.url}/hang.xml`]?.errors ?? 0).toBe(0);
      expect(state.lastRun.sources.find((s) => s.name === 'Hanging')!.status).toBe('aborted');
    } finally {
      await feeds.close();
      await site.cleanup();
    }
  });
});

describe('start, with a schedule that will not tick during the test', () => {
  async function firstHealth(args: string[]): Promise<{ lastCycle: unknown; running: boolean; appended: number }> {
    const feeds = await startServer({ '/alpha.xml': politeFeed(rss('Alpha', [ON_TOPIC_1])) });
    const site = await makeSite({
      topic: TEST_TOPIC,
      schedule: '0 0 1 1 *', // once a year
      sources: [{ name: 'Alpha Wire', url: `${feeds.url}/alpha.xml` }],
      server: { host: '127.0.0.1', port: 0 },
    });
    const child = spawnCli(['start', '--config', site.config, ...args]);
    child.stdin!.end();
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('close', (code) => reject(new Error(`start exited ${code}`)));
      });
      let health = { lastCycle: null as unknown, running: true };
      // Poll until a cycle has finished, or (without a cycle at start) for about two seconds.
      for (let i = 0; i < 100 && (health.running || !health.lastCycle); i++) {
        await new Promise((r) => setTimeout(r, 100));
        health = JSON.parse((await get(`${base}/healthz`)).body.toString('utf8')) as typeof health;
        if (args.includes('--no-check-at-start') && i >= 20) break;
      }
      const entries = (await readdir(site.entries)).filter((n) => n.endsWith('.md'));
      return { ...health, appended: entries.length };
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('close', r));
      await feeds.close();
      await site.cleanup();
    }
  }

  it('runs one cycle right away, so a restart does not leave the feed stale', async () => {
    const h = await firstHealth([]);
    expect(h.lastCycle).not.toBeNull();
    expect(h.appended).toBe(1);
  });

  it('waits for the first tick with --no-check-at-start', async () => {
    const h = await firstHealth(['--no-check-at-start']);
    expect(h.lastCycle).toBeNull();
    expect(h.appended).toBe(0);
  });
});
