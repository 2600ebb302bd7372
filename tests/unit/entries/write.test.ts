import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  addAlsoReportedBy,
  entryBody,
  escapeMarkdown,
  slugify,
  splitEntry,
  uniqueEntryName,
  writeNewEntry,
  type WatchedFrontMatter,
} from '../../../src/entries/write.js';

const front: WatchedFrontMatter = {
  title: 'US & Taiwan: "cyber" pact #2',
  date: '2026-11-16T08:00:00Z',
  link: 'https://news.example/a_(b)',
  source: 'Focus Test',
  tags: [],
  summary: 'One *short* <excerpt>.',
  source_feed: 'https://feeds.example/rss',
  guid: 'g-1',
  fetched_at: '2026-11-20T10:11:12Z',
  score: 0.9,
  reasons: ['r: one'],
  also_reported_by: [],
  key: 'g:feeds.example#g-1',
};

describe('slugify', () => {
  it.each([
    ['US & Taiwan Sign Cyber Pact', 'us-taiwan-sign-cyber-pact'],
    ['Café Überwachung in Taipei', 'cafe-uberwachung-in-taipei'],
    ['CON', 'con-entry'],
    ['a'.repeat(35) + ' ' + 'b'.repeat(40), 'a'.repeat(35)],
  ])('%s → %s', (title, want) => {
    expect(slugify(title, 'k')).toBe(want);
  });
  it.each(['台美資安合作備忘錄簽署', '台美 AI 資安合作', '!!!'])('%s → a hash, not a transliteration', (title) => {
    const s = slugify(title, 'key-1');
    expect(s).toMatch(/^item-[0-9a-f]{10}$/);
    expect(slugify(title, 'key-2')).not.toBe(s);
  });
  it('is always safe as a file name', () => {
    for (const t of ['a/b\\c:d*e?f"g<h>i|j', '..', ' . ', 'x'.repeat(500)]) {
      const s = slugify(t, 'k');
      expect(s).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(s.length).toBeLessThanOrEqual(60);
    }
  });
});

describe('entry files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sf-write-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('picks a unique name against the folder and the names taken in this run', async () => {
    await writeFile(path.join(dir, '2026-11-16-pact.md'), 'x');
    expect(await uniqueEntryName(dir, '2026-11-16T08:00:00Z', 'pact')).toBe('2026-11-16-pact-2.md');
    expect(await uniqueEntryName(dir, '2026-11-16T08:00:00Z', 'pact', new Set(['2026-11-16-pact-2.md']))).toBe('2026-11-16-pact-3.md');
  });

  it('writes front matter that reads back exactly, and a body with the excerpt and link only', async () => {
    const name = await writeNewEntry(dir, front);
    expect(name).toBe('2026-11-16-us-taiwan-cyber-pact-2.md');
    const text = await readFile(path.join(dir, name), 'utf8');
    const parts = splitEntry(text)!;
    expect(parse(parts.front)).toEqual(front);
    expect(parts.body).toBe('One \\*short\\* \\<excerpt\\>.\n\n[Read the original at Focus Test](<https://news.example/a_(b)>)\n');
    expect(await readdir(dir)).toEqual([name]); // no temp file left behind
  });

  it('records another outlet once, keeping every other key and the body', async () => {
    const name = await writeNewEntry(dir, { ...front, extra_key: 'kept' } as WatchedFrontMatter);
    const file = path.join(dir, name);
    const other = { source: 'Other Daily', link: 'https://other.example/x' };
    expect(await addAlsoReportedBy(file, other)).toBe(true);
    expect(await addAlsoReportedBy(file, other)).toBe(false);
    const parts = splitEntry(await readFile(file, 'utf8'))!;
    expect(parse(parts.front)).toMatchObject({ extra_key: 'kept', also_reported_by: [other], key: front.key });
    expect(parts.body).toBe(entryBody(front));
  });

  it('escapes Markdown in plain text', () => {
    expect(escapeMarkdown('1. a_b [c](d) `e`')).toBe('1\\. a\\_b \\[c\\](d) \\`e\\`');
    expect(escapeMarkdown('- item')).toBe('\\- item');
  });
});
