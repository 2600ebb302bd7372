/** `straitfeed review`: list, approve (publishes), reject (tombstone), unknown ids. */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startServer, type FixtureServer } from '../helpers/server.js';
import { makeSite, type TempSite } from '../helpers/site.js';
import { BORDERLINE, ON_TOPIC_1, ON_TOPIC_2, politeFeed, rss, type FeedItem } from './watch-fixtures.js';
import { TEST_TOPIC } from './watch-topic.js';

const BORDERLINE_2: FeedItem = {
  guid: 'alpha-5',
  link: 'https://alpha.example/news/taipei-marathon',
  title: 'Taipei marathon draws record crowd',
  description: 'Runners from Taiwan and abroad crossed the finish line.',
};

interface Listed {
  id: string;
  title: string;
  source: string;
  score: number;
  reasons: string[];
}

describe('review', () => {
  let server: FixtureServer;
  let site: TempSite;
  let items: FeedItem[] = [ON_TOPIC_1, BORDERLINE, BORDERLINE_2];
  let otherOutlet: FeedItem[] = [];

  const entries = async (): Promise<string[]> => (await readdir(site.entries)).filter((n) => n.endsWith('.md') && !n.startsWith('.'));
  const list = async (): Promise<Listed[]> => JSON.parse((await runCli(['review', '--json', '--config', site.config])).stdout) as Listed[];

  beforeAll(async () => {
    server = await startServer({ '/alpha.xml': politeFeed(() => rss('Alpha', items)), '/beta.xml': politeFeed(() => rss('Beta', otherOutlet)) });
    site = await makeSite({
      topic: TEST_TOPIC,
      sources: [
        { name: 'Alpha Wire', url: `${server.url}/alpha.xml` },
        { name: 'Beta News', url: `${server.url}/beta.xml` },
      ],
    });
    const r = await runCli(['check', '--config', site.config]);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await server.close();
    await site.cleanup();
  });

  it('lists the held items with id, title, source, score and reasons', async () => {
    const listed = await list();
    expect(listed.map((i) => i.title).sort()).toEqual([BORDERLINE.title, BORDERLINE_2.title].sort());
    for (const i of listed) {
      expect(i.id).toMatch(/^[0-9a-f]{10}$/);
      expect(i.source).toBe('Alpha Wire');
      expect(i.score).toBeGreaterThan(0);
      expect(i.reasons.length).toBeGreaterThan(0);
    }
    const text = await runCli(['review', '--config', site.config]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(listed[0]!.id);
    expect(text.stdout).toContain('Taipei marathon draws record crowd');
    expect(text.stdout).toMatch(/2 held for review/);
  });

  it('approve publishes the item and rebuilds output/', async () => {
    const target = (await list()).find((i) => i.title === BORDERLINE.title)!;
    const r = await runCli(['review', 'approve', target.id, '--config', site.config]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`approved ${target.id} → entries/2026-11-16-taiwan-trade-fair-opens-in-taipei\\.md`));
    expect(await entries()).toHaveLength(2);
    const feed = await readFile(path.join(site.output, 'feed.xml'), 'utf8');
    expect(feed).toContain('Taiwan trade fair opens in Taipei');
    const text = await readFile(path.join(site.entries, '2026-11-16-taiwan-trade-fair-opens-in-taipei.md'), 'utf8');
    expect(text).not.toMatch(/review_id|queued_at/);
    expect((await list()).map((i) => i.title)).toEqual([BORDERLINE_2.title]);
  });

  it('reject tombstones the item: it never comes back, even when the feed changes', async () => {
    const target = (await list())[0]!;
    const r = await runCli(['review', 'reject', target.id, '--config', site.config]);
    expect(r.code, r.stderr).toBe(0);
    expect(await list()).toEqual([]);
    items = [...items, ON_TOPIC_2]; // a new body: the feed is fetched and parsed again
    // Another outlet's copy of the rejected story, under its own URL: rejected too.
    otherOutlet = [{ guid: 'beta-9', link: 'https://beta.example/marathon', title: 'Taipei Marathon Draws a Record Crowd - Beta', description: 'Many runners.' }];
    const again = await runCli(['check', '--json', '--config', site.config]);
    const [alpha, beta] = (JSON.parse(again.stdout) as { sources: unknown[] }).sources;
    expect(alpha).toMatchObject({ status: 'ok', new: 1, appended: 1, queued: 0 });
    expect(beta).toMatchObject({ status: 'ok', new: 1, queued: 0, duplicates: 1 });
    expect(await list()).toEqual([]);
  });

  it('a deleted entry leaves a tombstone and is not appended again', async () => {
    const drill = (await entries()).find((n) => n.includes('joint-cybersecurity-drill'))!;
    await rm(path.join(site.entries, drill));
    items = [...items, { guid: 'alpha-6', link: 'https://alpha.example/6', title: 'Gardening tips for winter', description: 'Cover the roses.' }];
    const again = await runCli(['check', '--json', '--config', site.config]);
    expect(JSON.parse(again.stdout).totals).toMatchObject({ appended: 0, new: 1, dropped: 1 });
    expect(await entries()).not.toContain(drill);
    const state = JSON.parse(await readFile(path.join(site.entries, '.straitfeed/state.json'), 'utf8')) as { tombstones: Record<string, { reason: string }> };
    expect(Object.values(state.tombstones).map((t) => t.reason)).toContain('deleted');
    expect(await readFile(path.join(site.output, 'feed.xml'), 'utf8')).not.toContain('joint cybersecurity drill');
  });

  it.each([
    [['review', 'approve', 'ffffffffff'], 1, /review: .*no queued item with id ffffffffff/],
    [['review', 'reject', 'nope'], 1, /no queued item with id nope/],
    [['review', 'approve'], 2, /needs at least one id/],
    [['review', 'frobnicate'], 2, /unknown review action "frobnicate"/],
  ])('%j exits %i', async (args, code, message) => {
    const r = await runCli([...args, '--config', site.config]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});
