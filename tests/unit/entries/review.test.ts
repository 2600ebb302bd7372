import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveItem, enqueue, listQueue, pick, reviewId } from '../../../src/entries/review.js';
import type { WatchedFrontMatter } from '../../../src/entries/write.js';
import { StraitfeedError } from '../../../src/errors.js';

const front = (n: number, score: number): WatchedFrontMatter => ({
  title: `Held story ${n}`,
  date: '2026-11-16T08:00:00Z',
  link: `https://news.example/${n}`,
  source: 'Alpha',
  tags: [],
  summary: `Summary ${n}.`,
  source_feed: 'https://feeds.example/rss',
  guid: `g-${n}`,
  fetched_at: '2026-11-20T00:00:00Z',
  score,
  reasons: [`reason ${n}`],
  also_reported_by: [],
  key: `g:feeds.example#g-${n}`,
});

describe('review queue', () => {
  let root: string;
  let queue: string;
  let entries: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'sf-review-'));
    queue = path.join(root, 'entries/.straitfeed/review');
    entries = path.join(root, 'entries');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('holds one file per item, named by a stable id, listed best score first', async () => {
    await enqueue(queue, front(1, 0.4), new Date('2026-11-20T00:00:00Z'));
    await enqueue(queue, front(2, 0.6), new Date('2026-11-20T00:00:01Z'));
    await enqueue(queue, front(2, 0.6), new Date('2026-11-20T00:00:01Z')); // idempotent
    const items = await listQueue(queue);
    expect(items.map((i) => [i.id, i.front.title, i.front.reasons])).toEqual([
      [reviewId(front(2, 0).key), 'Held story 2', ['reason 2']],
      [reviewId(front(1, 0).key), 'Held story 1', ['reason 1']],
    ]);
    expect(await readdir(queue)).toHaveLength(2);
  });

  it('finds items by id or unique prefix, and names an unknown id', async () => {
    const a = await enqueue(queue, front(1, 0.4), new Date());
    const items = await listQueue(queue);
    expect(pick(items, [a.id.slice(0, 6)], queue)[0]!.id).toBe(a.id);
    const err = (() => {
      try {
        pick(items, ['zzzz'], queue);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(StraitfeedError);
    expect((err as StraitfeedError).code).toBe('REVIEW_NOT_FOUND');
    expect((err as StraitfeedError).message).toContain('zzzz');
  });

  it('approving writes the entry without the queue keys, then removes the queue file', async () => {
    await enqueue(queue, front(1, 0.4), new Date());
    const [item] = await listQueue(queue);
    const name = await approveItem(item!, entries);
    expect(name).toBe('2026-11-16-held-story-1.md');
    const text = await readFile(path.join(entries, name), 'utf8');
    expect(text).toContain('key: g:feeds.example#g-1');
    expect(text).not.toMatch(/review_id|queued_at/);
    expect(await listQueue(queue)).toEqual([]);
  });
});
