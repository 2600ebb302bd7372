/**
 * RSS 2.0 (feed.xml) through `feed`, with every value placed by Slots. Plain text (titles,
 * guids, categories, dc:creator) is element text with `&`/`<` as `&#x26;`/`&#x3C;` (RSS
 * Profile; no CDATA); HTML (description, content:encoded) is CDATA. Names go in dc:creator,
 * because RSS <author> takes only an e-mail address.
 */
import { Feed, type Extension } from 'feed';
import { escapeHtml } from '../text/sanitize.js';
import { Slots } from './slots.js';
import { cdata, FILES, GENERATOR, xmlAttr, xmlText, type ItemValues, type SiteValues } from './values.js';

const CDATA: [string, string] = ['<![CDATA[', ']]>'];

export function renderRss(site: SiteValues, items: ItemValues[]): string {
  const slots = new Slots();
  const text = (s: string): string => slots.put(xmlText(s));
  const feed = new Feed({
    id: site.home,
    title: text(site.title),
    description: text(site.description || site.title),
    link: site.home,
    language: site.language,
    updated: site.updated,
    generator: GENERATOR,
    stylesheet: FILES.xsl,
    feedLinks: { rss: site.urls.rss },
    ...(site.copyright ? { copyright: text(site.copyright) } : {}),
  });
  for (const item of items) {
    const extensions: Extension[] = [];
    if (item.source) extensions.push({ name: 'dc:creator', objects: { _text: text(item.source) } });
    if (item.origin) {
      // RSS 2.0 <source url="…">: the feed an appended item was found in.
      extensions.push({
        name: 'source',
        objects: { _attributes: { url: slots.put(xmlAttr(item.origin.feedUrl)) }, _text: text(item.origin.name) },
      });
    }
    feed.addItem({
      title: slots.put(xmlText(item.title), ...CDATA),
      link: item.alternate,
      guid: text(item.id),
      date: item.published,
      description: slots.put(cdata(escapeHtml(item.summary || item.title)), ...CDATA),
      // Always present: it also makes feed declare the dc: namespace used by dc:creator.
      content: slots.put(cdata(item.html), ...CDATA),
      category: item.tags.map((t) => ({ name: text(t) })),
      extensions,
    });
  }
  // feed writes <link> URLs itself (they must parse as URLs, so they cannot be placeholders):
  // give their `&` the same hexadecimal form as every other plain-text value in this file.
  const xml = slots
    .fill(feed.rss2(), FILES.rss)
    .replace(/<link>([^<]*)<\/link>/g, (_m, url: string) => `<link>${url.replace(/&amp;/g, '&#x26;')}</link>`);
  return `${xml}\n`;
}
