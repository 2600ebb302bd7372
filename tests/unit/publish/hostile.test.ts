/**
 * The hostile-entries fixture (tests/fixtures/publish/hostile): what it may publish comes out
 * safe; what it may not is refused with a message naming file:line, and output/ stays as it was.
 * The same site goes through real feed readers in tests/interop.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { isStraitfeedError } from '../../../src/errors.js';
import { buildSite } from '../../../src/publish/index.js';
import { copySite, type FixtureSite } from '../../fixtures/publish/sites.js';

// XML 1.0 Char excludes these; W3C's validator also warns about C1 controls.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let site: FixtureSite;
const out: Record<string, string> = {};
beforeAll(async () => {
  site = await copySite('hostile');
  await buildSite(await loadConfig(site.config));
  for (const name of await readdir(site.output)) out[name] = await readFile(path.join(site.output, name), 'utf8');
});
afterAll(() => site.cleanup());

/** The text between each <![CDATA[ and the ]]> that closes it, then everything outside CDATA. */
function splitCdata(xml: string): { inside: string[]; outside: string } {
  const inside: string[] = [];
  const outside = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, body: string) => {
    inside.push(body);
    return '';
  });
  return { inside, outside };
}

describe('hostile entries that may be published', () => {
  it('publishes all ten entries in every format', () => {
    expect(out['feed.xml']!.match(/<item>/g)).toHaveLength(10);
    expect(out['atom.xml']!.match(/<entry>/g)).toHaveLength(10);
    expect((JSON.parse(out['feed.json']!) as { items: unknown[] }).items).toHaveLength(10);
    expect(out['index.html']!.match(/<article /g)).toHaveLength(10);
  });

  it.each(['feed.xml', 'atom.xml', 'feed.json', 'index.html'])('%s holds no character XML forbids', (name) => {
    expect(out[name]).not.toMatch(NOT_XML);
  });

  it.each(['feed.xml', 'atom.xml'])('%s: no ]]> outside CDATA and no CDATA ended early', (name) => {
    const { outside } = splitCdata(out[name]!);
    expect(outside).not.toContain(']]>');
    expect(outside).not.toContain('<![CDATA[');
  });

  it.each(['feed.xml', 'atom.xml', 'index.html'])('%s never carries a raw <script, <iframe or event handler', (name) => {
    expect(out[name]).not.toMatch(/<script|<iframe|<style>body|onerror=|onclick=|javascript:/i);
  });

  it('writes titles as text in RSS (hex references) and Atom (type="text")', () => {
    const title = "&#x3C;script&#x3E;alert('t')&#x3C;/script&#x3E; Fish &#x26; Chips &#x3C;b&#x3E;bold&#x3C;/b&#x3E; a &#x3C; b &#x3E; c AT&#x26;amp;T";
    expect(out['feed.xml']).toContain(`<title>${title}</title>`);
    expect(out['atom.xml']).toContain(`<title type="text">${title}</title>`);
    expect(out['atom.xml']).not.toMatch(/<(title|summary) type="html"/);
    expect(out['feed.xml']).toContain('<category>c&#x26;c&#x3C;t&#x3E;</category>');
    expect(out['atom.xml']).toContain('<category term="c&amp;c&lt;t&gt;"/>');
  });

  it('resolves relative links in bodies against site.url', () => {
    expect(out['feed.xml']).toContain('href="https://example.org/posts/x"');
    expect(out['feed.xml']).toContain('href="https://example.org/feeds/posts/y"');
    expect(out['feed.xml']).toContain('src="https://example.org/feeds/img/a.png"');
  });

  it('keeps CJK, right-to-left text and the 5,000-character title whole', () => {
    const items = (JSON.parse(out['feed.json']!) as { items: { title: string }[] }).items;
    expect(items.map((i) => i.title)).toContain('台灣與美國加強資安合作：兩岸網路安全對話 ‏עברית‏ و العربية');
    expect(Math.max(...items.map((i) => i.title.length))).toBe(5000);
  });

  it('gives every item a unique id and every Atom entry a distinct updated', () => {
    const guids = [...out['feed.xml']!.matchAll(/<guid[^>]*>([^<]*)<\/guid>/g)].map((m) => m[1]);
    expect(new Set(guids).size).toBe(10);
    const updated = [...out['atom.xml']!.matchAll(/<entry>[\s\S]*?<updated>([^<]*)<\/updated>/g)].map((m) => m[1]);
    expect(updated).toHaveLength(10);
    expect(new Set(updated).size).toBe(10);
  });

  it('publishes the watcher provenance as RSS <source> and atom:source', () => {
    expect(out['feed.xml']).toContain('<source url="https://news.example.com/rss.xml?cat=a&amp;b=c">News &#x26; &#x3C;Views&#x3E;</source>');
    expect(out['atom.xml']).toContain('<link rel="self" href="https://news.example.com/rss.xml?cat=a&amp;b=c"/>');
  });
});

describe('hostile entries that must be refused', () => {
  it.each([
    ['2020-02-01-old.md', 'title: Old\ndate: 1899-12-31', 'entries/2020-02-01-old.md:3: date: 1899-12-31 is before site.earliest_date'],
    ['2020-02-01-far.md', 'title: Far\ndate: 9999-12-31', 'entries/2020-02-01-far.md:3: date: 9999-12-31 is in the future'],
    ['2020-02-01-rel.md', 'title: Rel\ndate: 2020-02-01\nlink: posts/x', 'entries/2020-02-01-rel.md:4: link: must be an absolute'],
    ['2020-02-01-imp.md', 'title: Imp\ndate: 2023-02-30', 'entries/2020-02-01-imp.md:3: date: 2023-02-30 is not a day'],
    [
      '2020-02-01-dup.md',
      'title: Dup\ndate: 2020-02-01\nid: "tag:example.org,2020:appended-42"',
      'entries/2020-02-01-dup.md:4: id tag:example.org,2020:appended-42 is already used by entries/2020-01-07-appended-by-watcher.md:15',
    ],
  ])('%s is refused and output/ is left as it was', async (name, yaml, message) => {
    const before: Record<string, string> = {};
    for (const f of await readdir(site.output)) before[f] = await readFile(path.join(site.output, f), 'utf8');
    const file = path.join(site.entries, name);
    await writeFile(file, `---\n${yaml}\n---\nBody\n`);
    try {
      const err = await buildSite(await loadConfig(site.config)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isStraitfeedError(err)).toBe(true);
      expect((err as Error).message).toContain(message);
      for (const f of await readdir(site.output)) expect(await readFile(path.join(site.output, f), 'utf8')).toBe(before[f]);
    } finally {
      await import('node:fs/promises').then((fs) => fs.rm(file));
    }
  });
});
