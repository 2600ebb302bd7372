import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanEntries } from '../../../src/state/scan.js';

describe('scanEntries', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sf-scan-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('collects every identity an entry answers to, skipping hidden and unreadable files', async () => {
    await writeFile(
      path.join(dir, '2026-11-16-a.md'),
      [
        '---',
        'title: A story',
        'date: 2026-11-16',
        'link: https://News.example/a/?utm_source=x',
        'source: Alpha',
        'guid: alpha-1',
        'source_feed: https://feeds.example/rss',
        'key: g:feeds.example#alpha-1',
        'also_reported_by:',
        '  - { source: Beta, link: "https://beta.example/a#top" }',
        '---',
        'Body.',
        '',
      ].join('\n'),
    );
    await writeFile(path.join(dir, '2026-11-17-broken.md'), '---\ntitle: [unclosed\n---\n');
    await writeFile(path.join(dir, '.2026-11-16-a.md.123.abcdef01.tmp'), 'half');
    await mkdir(path.join(dir, '.straitfeed'));
    const scan = await scanEntries(dir);
    expect(scan.entries).toHaveLength(1);
    expect(scan.entries[0]).toMatchObject({ file: '2026-11-16-a.md', title: 'A story', source: 'Alpha' });
    expect([...scan.byIdentity.keys()].sort()).toEqual(['g:feeds.example#alpha-1', 'u:beta.example/a', 'u:news.example/a']);
  });

  it('is empty for a missing folder', async () => {
    expect((await scanEntries(path.join(dir, 'nope'))).entries).toEqual([]);
  });
});
