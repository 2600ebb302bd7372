import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { loadEntries } from '../../../src/entries/read.js';
import { StraitfeedError } from '../../../src/errors.js';
import { entryText, makeSite, type TempSite } from '../../helpers/site.js';
import { rejectionFrom } from '../../helpers/errors.js';

let site: TempSite | undefined;
afterEach(async () => {
  await site?.cleanup();
  site = undefined;
});

async function load(files: Record<string, string>): Promise<Awaited<ReturnType<typeof loadEntries>>> {
  site = await makeSite();
  for (const [name, text] of Object.entries(files)) await site.writeEntry(name, text);
  return loadEntries(await loadConfig(site.config));
}

async function loadError(files: Record<string, string>): Promise<StraitfeedError> {
  return rejectionFrom(() => load(files));
}

describe('loadEntries', () => {
  it('sorts newest first, then by slug, and ignores hidden and non-Markdown files', async () => {
    site = await makeSite();
    await mkdir(path.join(site.entries, '.straitfeed'), { recursive: true });
    await writeFile(path.join(site.entries, '.straitfeed', '2020-01-01-state.md'), 'not an entry');
    await site.writeEntry('.2020-01-01-hidden.md', 'not an entry');
    await site.writeEntry('notes.txt', 'not an entry');
    await site.writeEntry('2020-01-02-b.md', entryText({ title: 'B', date: '2020-01-02' }));
    await site.writeEntry('2020-01-02-a.md', entryText({ title: 'A', date: '2020-01-02' }));
    await site.writeEntry('2019-05-01-old.md', entryText({ title: 'Old', date: '2020-03-01' }));
    const entries = await loadEntries(await loadConfig(site.config));
    expect(entries.map((e) => e.slug)).toEqual(['2019-05-01-old', '2020-01-02-a', '2020-01-02-b']);
    expect(entries[0]!.file).toBe('entries/2019-05-01-old.md');
  });

  it('gives an empty list for a site without an entries folder', async () => {
    site = await makeSite();
    const config = await loadConfig(site.config);
    expect(await loadEntries({ ...config, paths: { ...config.paths, entries: path.join(site.dir, 'none') } })).toEqual([]);
  });

  it('uses the id key, else a unique link, else the index anchor', async () => {
    const entries = await load({
      '2020-01-01-id.md': entryText({ title: 'I', date: '2020-01-01', id: 'tag:example.org,2020:i', link: 'https://a.example/1' }),
      '2020-01-02-link.md': entryText({ title: 'L', date: '2020-01-02', link: 'https://a.example/2' }),
      '2020-01-03-shared-a.md': entryText({ title: 'S1', date: '2020-01-03', link: 'https://a.example/s' }),
      '2020-01-04-shared-b.md': entryText({ title: 'S2', date: '2020-01-04', link: 'https://a.example/s' }),
      '2020-01-05-none.md': entryText({ title: 'N', date: '2020-01-05' }),
    });
    expect(Object.fromEntries(entries.map((e) => [e.slug, e.id]))).toEqual({
      '2020-01-01-id': 'tag:example.org,2020:i',
      '2020-01-02-link': 'https://a.example/2',
      '2020-01-03-shared-a': 'https://example.org/feeds/#2020-01-03-shared-a',
      '2020-01-04-shared-b': 'https://example.org/feeds/#2020-01-04-shared-b',
      '2020-01-05-none': 'https://example.org/feeds/#2020-01-05-none',
    });
  });

  it.each([
    [
      'two equal id keys',
      { id: 'tag:example.org,2020:same' },
      { id: 'tag:example.org,2020:same' },
    ],
    ['an id key equal to another entry’s link', { link: 'https://a.example/x' }, { id: 'https://a.example/x' }],
    ['an id key equal to another entry’s anchor', {}, { id: 'https://example.org/feeds/#2020-01-01-a' }],
  ])('refuses duplicate ids: %s', async (_name, a, b) => {
    const e = await loadError({
      '2020-01-01-a.md': entryText({ title: 'A', date: '2020-01-01', ...a }),
      '2020-01-02-b.md': entryText({ title: 'B', date: '2020-01-02', ...b }),
    });
    expect(e.code).toBe('ENTRY_DUPLICATE_ID');
    expect(e.message).toMatch(/^entry: entries\/2020-01-02-b\.md:\d+: id .* is already used by entries\/2020-01-01-a\.md:\d+$/);
  });

  it('names the first invalid file and the line of its bad key', async () => {
    const e = await loadError({
      '2020-01-01-good.md': entryText({ title: 'Good', date: '2020-01-01' }),
      '2020-01-02-bad.md': '---\ntitle: Bad\nsummary: s\ndate: 2020-02-30\n---\nBody\n',
    });
    expect(e.message).toBe('entry: entries/2020-01-02-bad.md:4: date: 2020-02-30 is not a day of the calendar');
  });
});
