/**
 * Atom 1.0 (atom.xml) through `feed`, with every value placed by Slots. Titles and summaries
 * are type="text" (feed@6 forces type="html", which makes readers drop `<b>` and decode
 * `&amp;`); the root gets xml:lang; an appended entry gets atom:source naming its feed.
 */
import { Feed } from 'feed';
import { Slots, replaceOnce } from './slots.js';
import { cdata, FILES, GENERATOR, xmlAttr, xmlText, type ItemValues, type SiteValues } from './values.js';

const ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

function sourceElement(origin: NonNullable<ItemValues['origin']>): string {
  const url = xmlAttr(origin.feedUrl);
  return [
    '',
    '        <source>',
    `            <id>${xmlText(origin.feedUrl)}</id>`,
    `            <title type="text">${xmlText(origin.name)}</title>`,
    `            <link rel="self" href="${url}"/>`,
    '        </source>',
  ].join('\n');
}

export function renderAtom(site: SiteValues, items: ItemValues[]): string {
  const slots = new Slots();
  const text = (s: string): string => slots.put(xmlText(s));
  const feed = new Feed({
    id: site.home,
    title: text(site.title),
    ...(site.description ? { description: text(site.description) } : {}),
    link: site.home,
    updated: site.updated,
    generator: GENERATOR,
    stylesheet: FILES.xsl,
    feedLinks: { atom: site.urls.atom },
    author: { name: text(site.authorName), ...(site.authorUrl ? { link: site.authorUrl } : {}) },
    ...(site.copyright ? { copyright: text(site.copyright) } : {}),
  });
  for (const item of items) {
    const title = `<title type="text">${xmlText(item.title)}</title>${item.origin ? sourceElement(item.origin) : ''}`;
    feed.addItem({
      title: slots.put(title, '<title type="html"><![CDATA[', ']]></title>'),
      id: item.id,
      link: item.alternate,
      date: item.atomUpdated,
      published: item.published,
      ...(item.summary
        ? { description: slots.put(`<summary type="text">${xmlText(item.summary)}</summary>`, '<summary type="html"><![CDATA[', ']]></summary>') }
        : {}),
      content: slots.put(cdata(item.html), '<![CDATA[', ']]>'),
      ...(item.source ? { author: [{ name: text(item.source) }] } : {}),
      category: item.tags.map((t) => ({ term: slots.put(xmlAttr(t)) })),
    });
  }
  const xml = slots.fill(feed.atom1(), FILES.atom);
  return `${replaceOnce(xml, ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttr(site.language)}">`, FILES.atom)}\n`;
}
