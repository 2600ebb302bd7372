import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { buildSite } from '../../../src/publish/index.js';
import { entryText, makeSite, type TempSite } from '../../helpers/site.js';

let site: TempSite | undefined;
afterEach(async () => {
  await site?.cleanup();
  site = undefined;
});

const ALL = ['atom.xml', 'feed.json', 'feed.xml', 'feed.xsl', 'index.html'];
const names = (files: string[]): string[] => files.map((f) => path.basename(f)).sort();

describe('buildSite', () => {
  it('writes every file, then leaves unchanged files alone', async () => {
    site = await makeSite();
    await site.writeEntry('2020-01-01-a.md', entryText({ title: 'A', date: '2020-01-01' }));
    const config = await loadConfig(site.config);
    const first = await buildSite(config);
    expect(first.entries).toBe(1);
    expect(names(first.files)).toEqual(ALL);
    expect(names(first.changed)).toEqual(ALL);

    const before = await stat(path.join(site.output, 'feed.xsl'));
    const again = await buildSite(config);
    expect(again.changed).toEqual([]);
    expect((await stat(path.join(site.output, 'feed.xsl'))).mtimeMs).toBe(before.mtimeMs);

    await site.writeEntry('2020-01-02-b.md', entryText({ title: 'B', date: '2020-01-02' }));
    expect(names((await buildSite(config)).changed)).toEqual(['atom.xml', 'feed.json', 'feed.xml', 'index.html']);
  });

  it('rewrites a file that was changed by hand', async () => {
    site = await makeSite();
    const config = await loadConfig(site.config);
    await buildSite(config);
    await writeFile(path.join(site.output, 'feed.xml'), 'damaged');
    expect(names((await buildSite(config)).changed)).toEqual(['feed.xml']);
    expect(await readFile(path.join(site.output, 'feed.xml'), 'utf8')).toContain('<rss version="2.0"');
  });

  it('puts the newest site.limit entries in the feeds and every entry on the page', async () => {
    site = await makeSite({ site: { title: 'T', url: 'https://example.org/', limit: 2 } });
    for (const d of ['2020-01-01', '2020-01-02', '2020-01-03']) {
      await site.writeEntry(`${d}-e.md`, entryText({ title: `Entry ${d}`, date: d }));
    }
    await buildSite(await loadConfig(site.config));
    const rss = await readFile(path.join(site.output, 'feed.xml'), 'utf8');
    expect([...rss.matchAll(/<title>Entry ([\d-]+)<\/title>/g)].map((m) => m[1])).toEqual(['2020-01-03', '2020-01-02']);
    const json = JSON.parse(await readFile(path.join(site.output, 'feed.json'), 'utf8')) as { items: unknown[] };
    expect(json.items).toHaveLength(2);
    const html = await readFile(path.join(site.output, 'index.html'), 'utf8');
    expect(html.match(/<article /g)).toHaveLength(3);
  });

  it('takes lastBuildDate and feed updated from the newest entry, never the clock', async () => {
    site = await makeSite();
    await site.writeEntry('2020-01-01-a.md', entryText({ title: 'A', date: '2020-01-01', updated: '2020-02-03T04:05:06Z' }));
    await buildSite(await loadConfig(site.config));
    expect(await readFile(path.join(site.output, 'feed.xml'), 'utf8')).toContain('<lastBuildDate>Mon, 03 Feb 2020 04:05:06 GMT</lastBuildDate>');
    expect(await readFile(path.join(site.output, 'atom.xml'), 'utf8')).toContain('<updated>2020-02-03T04:05:06.000Z</updated>');
  });

  it('publishes an empty site with a fixed date', async () => {
    site = await makeSite();
    const r = await buildSite(await loadConfig(site.config));
    expect(r.entries).toBe(0);
    expect(await readFile(path.join(site.output, 'atom.xml'), 'utf8')).toContain('<updated>1990-01-01T00:00:00.000Z</updated>');
  });

  it('writes nothing at all when one entry is invalid', async () => {
    site = await makeSite();
    await site.writeEntry('2020-01-01-a.md', entryText({ title: 'A', date: '2020-01-01' }));
    await site.writeEntry('2020-01-02-b.md', entryText({ title: '', date: '2020-01-02' }));
    await expect(buildSite(await loadConfig(site.config))).rejects.toThrow('entries/2020-01-02-b.md:2: title: must not be empty');
    await expect(stat(site.output)).rejects.toThrow('ENOENT');
  });
});
