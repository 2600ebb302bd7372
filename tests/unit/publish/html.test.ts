import { describe, expect, it } from 'vitest';
import { humanDate, renderHtml } from '../../../src/publish/html.js';
import type { ItemValues, SiteValues } from '../../../src/publish/values.js';

const site: SiteValues = {
  title: 'A & B <Site>', description: 'About "it"', language: 'zh-Hant', home: 'https://example.org/feeds/',
  authorName: 'Ed', authorUrl: null, copyright: null,
  urls: { rss: 'https://example.org/feeds/feed.xml', atom: 'https://example.org/feeds/atom.xml', json: 'https://example.org/feeds/feed.json' },
  updated: new Date('2020-01-02T00:00:00Z'),
};

function item(slug: string, extra: Partial<ItemValues> = {}): ItemValues {
  const d = new Date('2020-01-02T00:00:00Z');
  return {
    slug, id: `https://example.org/feeds/#${slug}`, alternate: `https://example.org/feeds/#${slug}`, link: null,
    title: `Title <b>${slug}</b> & co`, summary: 'Own summary', summaryIsOwn: true, html: '<p>Body</p>', tags: ['t&1'],
    source: 'Pub <1>', origin: null, published: d, updated: d, atomUpdated: d, ...extra,
  };
}

describe('renderHtml', () => {
  const html = renderHtml(site, [item('2020-01-02-a', { link: 'https://x.example/a?b=1&c=2' }), item('2020-01-01-b', { summaryIsOwn: false })]);

  it('announces all three feeds for autodiscovery', () => {
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="A &amp; B &lt;Site&gt; (RSS)" href="feed.xml">');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="A &amp; B &lt;Site&gt; (Atom)" href="atom.xml">');
    expect(html).toContain('<link rel="alternate" type="application/feed+json" title="A &amp; B &lt;Site&gt; (JSON Feed)" href="feed.json">');
  });

  it('is one self-contained page: no scripts, no external stylesheets, images or fonts', () => {
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|@import|url\(|<img/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<html lang="zh-Hant">');
  });

  it('escapes titles, publishers and tags, and anchors every entry', () => {
    expect(html).toContain('<article id="2020-01-02-a">');
    expect(html).toContain('<h2 dir="auto"><a href="https://x.example/a?b=1&amp;c=2">Title &lt;b&gt;2020-01-02-a&lt;/b&gt; &amp; co</a></h2>');
    expect(html).toContain('<h2 dir="auto"><a href="#2020-01-01-b">');
    expect(html).toContain('<span class="source">Pub &lt;1&gt;</span>');
    expect(html).toContain('<li>t&amp;1</li>');
  });

  it('shows a summary only when the entry wrote one', () => {
    expect(html.match(/class="summary"/g)).toHaveLength(1);
  });

  it.each([
    ['2016-07-05T00:00:00Z', '5 July 2016'],
    ['2015-12-01T23:59:59Z', '1 December 2015'],
  ])('humanDate(%s) = %s whatever the locale', (iso, text) => {
    expect(humanDate(new Date(iso))).toBe(text);
  });
});
