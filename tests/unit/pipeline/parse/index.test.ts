import { describe, expect, it } from 'vitest';
import { StraitfeedError } from '../../../../src/errors.js';
import { parseFeed, rootElement } from '../../../../src/pipeline/parse/index.js';
import { repairXml } from '../../../../src/pipeline/parse/repair.js';
import { rejectionFrom } from '../../../helpers/errors.js';

const BASE = 'https://feeds.example.test/dir/feed.xml';

async function parseError(text: string, base: string | null = BASE): Promise<StraitfeedError> {
  return rejectionFrom(async () => parseFeed(text, base));
}

describe('format detection', () => {
  it.each([
    ['<rss version="2.0"><channel><title>a</title></channel></rss>', 'rss', 'rss 2.0'],
    ['<rss><channel><title>a</title></channel></rss>', 'rss', 'rss 2.0'],
    ['<rss version="0.91"><channel><title>a</title></channel></rss>', 'rss', 'rss 0.91'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>a</title></channel></rdf:RDF>', 'rdf', 'rss 1.0'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title></feed>', 'atom', 'atom 1.0'],
    ['<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>a</title></feed>', 'atom', 'atom 0.3'],
    ['{"version":"https://jsonfeed.org/version/1.1","title":"a","items":[]}', 'json', 'json 1.1'],
    ['{"version":"https://jsonfeed.org/version/1","title":"a","items":[]}', 'json', 'json 1.0'],
    ['\n  <?xml version="1.0"?>\n<!-- comment -->\n<rss version="2.0"><channel><title>a</title></channel></rss>', 'rss', 'rss 2.0'],
  ])('%s', async (text, format, version) => {
    const feed = await parseFeed(text, BASE);
    expect(feed).toMatchObject({ format, version, title: 'a' });
  });

  it('finds the root element past prolog, comments and DOCTYPE with an internal subset', () => {
    expect(rootElement('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><!-- c --><rss/>')).toBe('rss');
  });
});

describe('not a feed', () => {
  it('an HTML page names the feeds it links to', async () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml" href="https://cdn.example.test/atom.xml">
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="alternate" hreflang="zh" href="/zh/">
      <link rel="stylesheet" href="/s.css"></head><body></body></html>`;
    const e = await parseError(html);
    expect(e.code).toBe('PARSE_NOT_FEED');
    expect(e.message).toBe(
      `parse: ${BASE}: not a feed but an HTML page; configure its feed instead: https://feeds.example.test/rss.xml, https://cdn.example.test/atom.xml, https://feeds.example.test/dir/feed.json`,
    );
    expect(e.details.alternates).toEqual([
      { url: 'https://feeds.example.test/rss.xml', type: 'application/rss+xml', title: 'RSS' },
      { url: 'https://cdn.example.test/atom.xml', type: 'application/atom+xml', title: null },
      { url: 'https://feeds.example.test/dir/feed.json', type: 'application/feed+json', title: null },
    ]);
  });

  it('an HTML page without feed links says so', async () => {
    const e = await parseError('<html><head><title>x</title></head><body>hi</body></html>');
    expect(e.code).toBe('PARSE_NOT_FEED');
    expect(e.message).toContain('links to no feed');
  });

  it.each([
    ['', /body is empty/],
    ['   \n', /body is empty/],
    ['just some text', /neither XML nor JSON/],
    ['<?xml version="1.0"?><urlset><url/></urlset>', /root element is <urlset>/],
    ['{"title":"json but no version"}', /JSON without a JSON Feed "version"/],
    ['{"version":"https://jsonfeed.org/version/1", "items": [', /invalid JSON/],
    ['[1,2,3]', /JSON without a JSON Feed "version"/],
  ])('%j is PARSE_NOT_FEED', async (text, message) => {
    const e = await parseError(text);
    expect(e.code).toBe('PARSE_NOT_FEED');
    expect(e.message).toMatch(message);
  });

  it('malformed XML is PARSE_FAILED with a line number', async () => {
    const e = await parseError('<rss version="2.0">\n<channel>\n<title>x</titel>\n</channel></rss>');
    expect(e.code).toBe('PARSE_FAILED');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^parse: https:\/\/feeds\.example\.test\/dir\/feed\.xml:3: malformed XML: /);
    expect(e.message).not.toContain('\n');
  });
});

describe('leniency', () => {
  it('repairs HTML entities and bare ampersands, with a feed warning', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>A&nbsp;&mdash;&nbsp;B & C &bogus;</title></channel></rss>', BASE);
    expect(feed.title).toBe('A — B & C &bogus;');
    expect(feed.warnings[0]).toMatch(/XML repaired/);
  });

  it('leaves valid references alone when repairing', () => {
    expect(repairXml('&amp; &lt; &#160; &#xA0; &copy; & x')).toBe('&amp; &lt; &#160; &#xA0; &#169; &amp; x');
  });

  it('a broken document does not affect the next one (new parser per document)', async () => {
    await parseError('<rss version="2.0"><channel><title>unclosed');
    const feed = await parseFeed('<rss version="2.0"><channel><title>fine</title><item><title>i</title></item></channel></rss>', BASE);
    expect(feed.title).toBe('fine');
    expect(feed.items).toHaveLength(1);
  });

  it('one bad Atom date does not lose the feed (rss-parser alone would throw)', async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><id>1</id><title>bad</title><published>not a date</published></entry>
        <entry><id>2</id><title>good</title><published>2024-01-02T00:00:00Z</published></entry></feed>`,
      BASE,
    );
    expect(feed.items.map((i) => [i.title, i.published])).toEqual([
      ['bad', null],
      ['good', '2024-01-02T00:00:00Z'],
    ]);
    expect(feed.items[0]!.warnings).toEqual(['published: unparseable date "not a date"']);
  });

  it('never returns raw {_, $} objects for fields with attributes', async () => {
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>t</title><item><title type="x">T</title>
        <guid isPermaLink="false">g-1</guid><category domain="d">c</category><author>a@b.c (Ann)</author></item></channel></rss>`,
      BASE,
    );
    const item = feed.items[0]!;
    expect(item).toMatchObject({ guid: 'g-1', title: 'T', categories: ['c'], authors: ['Ann'] });
  });

  it('resolves relative links against the feed URL and xml:base chains', async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/site/"><title>t</title>
        <entry xml:base="posts/"><id>1</id><title>a</title><link href="one.html"/></entry>
        <entry><id>2</id><title>b</title><link href="../two.html"/></entry>
        <entry><id>3</id><title>c</title><link href="three.html" xml:base="https://other.example.test/x/"/></entry></feed>`,
      BASE,
    );
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://feeds.example.test/site/posts/one.html',
      'https://feeds.example.test/two.html',
      'https://other.example.test/x/three.html',
    ]);
  });

  it('a local file falls back to the feed\'s own self link as the base', async () => {
    const feed = await parseFeed(
      `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title><link>https://site.example.test/</link>
        <atom:link rel="self" href="https://site.example.test/rss/feed.xml"/><item><title>a</title><link>a.html</link></item></channel></rss>`,
      'file:///tmp/feed.xml',
    );
    expect(feed.items[0]!.link).toBe('https://site.example.test/rss/a.html');
  });

  it('a relative link with no http base is null with a warning', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>t</title><item><title>a</title><link>a.html</link></item></channel></rss>', null);
    expect(feed.items[0]!.link).toBeNull();
    expect(feed.items[0]!.warnings[0]).toMatch(/cannot be made absolute/);
  });

  it('sanitizes summaries and turns titles into plain text', async () => {
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>t</title><item><title>&lt;b&gt;Bold&lt;/b&gt; &amp;amp; co</title>
        <description><![CDATA[<p>ok<script>bad()</script><a href="javascript:x()">js</a></p>]]></description></item></channel></rss>`,
      BASE,
    );
    expect(feed.items[0]!.title).toBe('Bold & co');
    expect(feed.items[0]!.summary).toBe('<p>ok<a>js</a></p>');
  });

  it('uses the configured language hint for CST when the feed names none', async () => {
    const text = '<rss version="2.0"><channel><title>t</title><item><title>a</title><pubDate>Tue, 02 Jan 2024 10:00:00 CST</pubDate></item></channel></rss>';
    expect((await parseFeed(text, BASE, { languageHint: 'zh-Hant' })).items[0]!.published).toBe('2024-01-02T02:00:00Z');
    expect((await parseFeed(text, BASE)).items[0]!.published).toBe('2024-01-02T16:00:00Z');
  });
});

describe('Atom xhtml text constructs', () => {
  it('keep their markup in order (xml2js alone would separate text from elements)', async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id>
        <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>Bold</b> then text &amp; more</div></title>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One <a href="rel.html">link</a> two</p></div></content>
      </entry></feed>`,
      BASE,
    );
    expect(feed.items[0]!.title).toBe('Bold then text & more');
    expect(feed.items[0]!.content).toBe('<p>One <a href="https://feeds.example.test/dir/rel.html">link</a> two</p>');
  });

  it('names the file, not a file: URL, when told where the text came from', async () => {
    await expect(parseFeed('<html><body></body></html>', 'file:///tmp/x.html', { where: '/tmp/x.html' })).rejects.toThrow(
      /^parse: \/tmp\/x\.html: not a feed/,
    );
  });
});

describe('raw HTML inside RSS descriptions', () => {
  it('keeps text and elements in order; CDATA and escaped descriptions are untouched', async () => {
    const feed = await parseFeed(
      `<rss version="2.0"><channel><title>t</title>
        <item><title>raw</title><description>Hi <b>bold</b> and <a href="/x">link</a> &amp; more</description></item>
        <item><title>cdata</title><description><![CDATA[<p>In <i>CDATA</i></p>]]></description></item>
        <item><title>escaped</title><description>&lt;p&gt;Escaped&lt;/p&gt;</description></item>
      </channel></rss>`,
      BASE,
    );
    expect(feed.items.map((i) => i.summary)).toEqual([
      'Hi <b>bold</b> and <a href="https://feeds.example.test/x">link</a> &amp; more',
      '<p>In <i>CDATA</i></p>',
      '<p>Escaped</p>',
    ]);
  });
});
