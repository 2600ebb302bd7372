/**
 * Crash safety: SIGKILL `check` at many different moments (STRAITFEED_TEST_SLOW_WRITES_MS
 * spaces its writes out so the kills land between them), then verify that the site still
 * builds, and that after the next `check` every story is there exactly once.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, spawnCli } from '../helpers/cli.js';
import { startServer, type FixtureServer } from '../helpers/server.js';
import { makeSite, type TempSite } from '../helpers/site.js';
import { politeFeed, rss, type FeedItem } from './watch-fixtures.js';
import { TEST_TOPIC } from './watch-topic.js';

const SUBJECTS = [
  'Taiwan cyber agency trains hospital staff against phishing',
  'Taipei hosts hackathon where Ohio students defend a mock port',
  'Taiwan lawmakers debate cybersecurity budget for township offices',
  'Ransomware gang hits Taiwan bicycle maker, police say',
  'Taiwan and Guam coast guards share cyber incident playbooks',
  'Semiconductor suppliers in Taiwan audit cyber hygiene of vendors',
  'Hackers deface Taiwan university portal during exam week',
  'Taiwan election commission runs cyber resilience tabletop',
  'Texas utilities invite Taiwan engineers to cyber grid workshop',
  'Taiwan telecom regulator publishes undersea cable cybersecurity rules',
  'Volunteer cyber reservists in Taiwan complete first winter course',
  'Taiwan railway signalling contractors pass cybersecurity certification',
];

function item(i: number, host: string): FeedItem {
  return {
    guid: `${host}-${i}`,
    link: `https://${host}.example/story/${i}`,
    title: SUBJECTS[i]!,
    description: `Report number ${i} about Taiwan and cyber defense work.`,
    pubDate: `Mon, ${String(10 + (i % 8)).padStart(2, '0')} Nov 2026 0${i % 9}:00:00 GMT`,
  };
}
const borderline = (i: number, host: string): FeedItem => ({
  guid: `${host}-b${i}`,
  link: `https://${host}.example/misc/${i}`,
  title: ['Taiwan night market guide for winter visitors', 'Taipei orchestra announces spring season'][i]!,
  description: 'Things to see and hear.',
});
const offTopic = (i: number, host: string): FeedItem => ({
  guid: `${host}-o${i}`,
  link: `https://${host}.example/other/${i}`,
  title: ['Recipe: slow roasted pumpkin soup', 'Chess championship goes to tie-break'][i]!,
  description: 'Nothing to do with the topic.',
});

const FEEDS = {
  '/one.xml': rss('One', [0, 1, 2, 3, 4].map((i) => item(i, 'one')).concat([borderline(0, 'one'), offTopic(0, 'one')])),
  '/two.xml': rss('Two', [
    ...[5, 6, 7, 8].map((i) => item(i, 'two')),
    // The same story as one-0 from another outlet.
    { ...item(0, 'two'), guid: 'two-copy', link: 'https://two.example/copy', title: `${SUBJECTS[0]} | Two Daily` },
    offTopic(1, 'two'),
  ]),
  '/three.xml': rss('Three', [...[9, 10, 11].map((i) => item(i, 'three')), borderline(1, 'three')]),
};
const STORIES = SUBJECTS.length;

interface Verdict {
  entriesAtKill: number;
}

async function entryTexts(site: TempSite): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const n of (await readdir(site.entries)).filter((f) => f.endsWith('.md') && !f.startsWith('.'))) {
    const text = await readFile(path.join(site.entries, n), 'utf8');
    out.set(n, parse(text.split('---\n')[1]!) as Record<string, unknown>);
  }
  return out;
}

describe('crash safety', () => {
  let server: FixtureServer;
  const sites: TempSite[] = [];
  let runs = 0;
  beforeAll(async () => {
    server = await startServer(Object.fromEntries(Object.entries(FEEDS).map(([p, body]) => [p, politeFeed(body)])));
  });
  afterAll(async () => {
    await server.close();
    await Promise.all(sites.map((s) => s.cleanup()));
  });

  async function newSite(): Promise<TempSite> {
    const site = await makeSite({
      topic: TEST_TOPIC,
      sources: ['one', 'two', 'three'].map((n) => ({ name: `Outlet ${n}`, url: `${server.url}/${n}.xml` })),
    });
    sites.push(site);
    return site;
  }

  /** Start `check`; resolve once it holds the site lock (Node itself takes a second to start). */
  async function startCheck(site: TempSite): Promise<{ kill(): void; exited: Promise<void>; lockedAt: number }> {
    const child = spawnCli(['check', '--config', site.config], { env: { STRAITFEED_TEST_SLOW_WRITES_MS: '25' } });
    child.stdin!.end();
    let done = false;
    const exited = new Promise<void>((r) => child.on('close', () => ((done = true), r())));
    const lock = path.join(site.entries, '.straitfeed/lock');
    while (!done && !(await access(lock).then(() => true, () => false))) await new Promise((r) => setTimeout(r, 5));
    return { kill: () => child.kill('SIGKILL'), exited, lockedAt: Date.now() };
  }

  /** How long a whole cycle takes on this machine right now, from taking the lock to exit. */
  async function calibrate(): Promise<number> {
    const run = await startCheck(await newSite());
    await run.exited;
    return Date.now() - run.lockedAt;
  }

  async function killRun(delayMs: number): Promise<Verdict> {
    const site = await newSite();
    const run = await startCheck(site);
    await new Promise((r) => setTimeout(r, delayMs));
    run.kill();
    await run.exited;
    const atKill = await entryTexts(site);

    // Whatever the moment, what is on disk is a valid site. Every other run skips this build,
    // so that the next cycle alone must notice entries that output/ does not carry yet.
    const buildFirst = (runs++ & 1) === 0;
    if (buildFirst) {
      const build = await runCli(['build', '--config', site.config]);
      expect(build.code, build.stderr).toBe(0);
    }

    // The next cycle finishes the job: every story once, nothing lost, nothing twice.
    const again = await runCli(['check', '--json', '--config', site.config]);
    expect(again.code, again.stderr).toBe(0);
    const feed = await readFile(path.join(site.output, 'feed.xml'), 'utf8');
    for (const s of SUBJECTS) expect(feed).toContain(s.replace(/&/g, '&amp;'));
    if (!buildFirst) {
      const build = await runCli(['build', '--config', site.config]);
      expect(build.code, build.stderr).toBe(0);
    }
    const entries = await entryTexts(site);
    const keys = [...entries.values()].map((f) => f.key);
    const links = [...entries.values()].map((f) => f.link);
    expect(entries.size).toBe(STORIES);
    expect(new Set(keys).size).toBe(STORIES);
    expect(new Set(links).size).toBe(STORIES);
    for (const name of atKill.keys()) expect(entries.has(name)).toBe(true);
    const merged = [...entries.values()].find((f) => f.title === SUBJECTS[0])!;
    expect(merged.also_reported_by).toEqual([{ source: 'Outlet two', link: 'https://two.example/copy' }]);
    const queue = (await readdir(path.join(site.entries, '.straitfeed/review'))).filter((n) => n.endsWith('.md'));
    expect(queue).toHaveLength(2);
    return { entriesAtKill: atKill.size };
  }

  it('loses nothing and doubles nothing when killed at 24 different moments', async () => {
    // Spread the kills over the whole cycle as measured now (the machine may be busy).
    const cycleMs = await calibrate();
    const delays = Array.from({ length: 24 }, (_, i) => Math.round((cycleMs * (i + 1)) / 22));
    const verdicts: Verdict[] = [];
    // Two at a time (each run has its own site): more would only make the moments less precise.
    for (let i = 0; i < delays.length; i += 2) verdicts.push(...(await Promise.all(delays.slice(i, i + 2).map(killRun))));
    const spread = verdicts.map((v) => v.entriesAtKill);
    console.log(`crash test: cycle ${cycleMs} ms; ${verdicts.length} kills at ${delays.join(' ')} ms; entries on disk at kill time: ${spread.join(' ')}`);
    // The kills really did land at different stages of the cycle.
    expect(new Set(spread).size).toBeGreaterThanOrEqual(3);
  }, 400_000);

  it('never loses nor doubles an item when `review approve` is killed', async () => {
    const spreads: string[] = [];
    const one = async (delayMs: number): Promise<void> => {
      const site = await newSite();
      expect((await runCli(['check', '--config', site.config])).code).toBe(0);
      const queued = JSON.parse((await runCli(['review', '--json', '--config', site.config])).stdout) as { id: string; title: string }[];
      expect(queued).toHaveLength(2);
      const child = spawnCli(['review', 'approve', queued[0]!.id, queued[1]!.id, '--config', site.config], {
        env: { STRAITFEED_TEST_SLOW_WRITES_MS: '60' },
      });
      child.stdin!.end();
      let done = false;
      const exited = new Promise<void>((r) => child.on('close', () => ((done = true), r())));
      const lock = path.join(site.entries, '.straitfeed/lock');
      while (!done && !(await access(lock).then(() => true, () => false))) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await exited;
      spreads.push(`${(await entryTexts(site)).size - STORIES}`);

      const again = await runCli(['check', '--config', site.config]);
      expect(again.code, again.stderr).toBe(0);
      const titles = [...(await entryTexts(site)).values()].map((f) => f.title as string);
      const listed = await runCli(['review', '--json', '--config', site.config]);
      expect(listed.code, listed.stderr).toBe(0);
      const left = JSON.parse(listed.stdout) as { title: string }[];
      for (const q of queued) {
        // Exactly one place for each item: published, or still waiting for review.
        const places = titles.filter((t) => t === q.title).length + left.filter((l) => l.title === q.title).length;
        expect(places, q.title).toBe(1);
      }
      const feed = await readFile(path.join(site.output, 'feed.xml'), 'utf8');
      for (const t of titles) expect(feed).toContain(t);
    };
    const delays = [0, 60, 120, 180, 240, 300, 420, 600];
    for (let i = 0; i < delays.length; i += 2) await Promise.all(delays.slice(i, i + 2).map(one));
    console.log(`approve crash test: ${delays.length} kills; approved entries on disk at kill time: ${spreads.join(' ')}`);
  }, 300_000);
});
