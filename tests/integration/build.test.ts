/** `straitfeed build` as a user runs it: the compiled CLI in a temporary site. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { entryText, makeSite, type TempSite } from '../helpers/site.js';

let site: TempSite | undefined;
afterEach(async () => {
  await site?.cleanup();
  site = undefined;
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(path.join(dir, name), 'utf8');
  return out;
}

describe('straitfeed build', () => {
  it('builds, then rebuilds byte for byte with nothing changed', async () => {
    site = await makeSite();
    await site.writeEntry('2016-07-05-a.md', entryText({ title: 'U.S. & Taiwan', date: '2016-07-05', tags: ['a'] }));
    await site.writeEntry('2015-12-01-b.md', entryText({ title: 'Cross-strait', date: '2015-12-01' }));
    const first = await runCli(['build', '--config', site.config]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('built 2 entries → output/ (5 files changed)\n');
    const before = await snapshot(site.output);
    expect(Object.keys(before)).toEqual(['atom.xml', 'feed.json', 'feed.xml', 'feed.xsl', 'index.html']);

    const second = await runCli(['--config', site.config, 'build']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('built 2 entries → output/ (0 files changed)\n');
    expect(await snapshot(site.output)).toEqual(before);
  });

  it('runs from the site folder with the default config path', async () => {
    site = await makeSite();
    await site.writeEntry('2020-01-01-a.md', entryText({ title: 'A', date: '2020-01-01' }));
    const r = await runCli(['build'], { cwd: site.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('built 1 entry → output/ (5 files changed)\n');
  });

  it('exits 1 naming file:line for a broken entry and leaves the previous output untouched', async () => {
    site = await makeSite();
    await site.writeEntry('2020-01-01-a.md', entryText({ title: 'A', date: '2020-01-01' }));
    expect((await runCli(['build', '--config', site.config])).code).toBe(0);
    const before = await snapshot(site.output);

    await site.writeEntry('2020-01-02-b.md', '---\ntitle: B\ntags: [x]\ndate: 2023-02-30\n---\nBody\n');
    const r = await runCli(['build', '--config', site.config]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('straitfeed: entry: entries/2020-01-02-b.md:4: date: 2023-02-30 is not a day of the calendar\n');
    expect(await snapshot(site.output)).toEqual(before);
  });

  it('exits 1 for duplicate ids, naming both files', async () => {
    site = await makeSite();
    await site.writeEntry('2020-01-01-a.md', entryText({ title: 'A', date: '2020-01-01', id: 'urn:x:1' }));
    await site.writeEntry('2020-01-02-b.md', entryText({ title: 'B', date: '2020-01-02', id: 'urn:x:1' }));
    const r = await runCli(['build', '--config', site.config]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^straitfeed: entry: entries\/2020-01-02-b\.md:\d+: id urn:x:1 is already used by entries\/2020-01-01-a\.md:\d+\n$/);
  });

  it('exits 2 for a bad config before touching anything', async () => {
    site = await makeSite();
    await writeFile(site.config, 'site:\n  title: ""\n  url: https://example.org/\n');
    const r = await runCli(['build', '--config', site.config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('straitfeed.yaml:2');
    await expect(readdir(site.output)).rejects.toThrow('ENOENT');
  });
});
