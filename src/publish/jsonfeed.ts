/**
 * JSON Feed 1.1 (feed.json), written here rather than by feed@6, which writes version 1 with
 * the 1.0 `author` object and the item date as `date_modified`.
 * https://www.jsonfeed.org/version/1.1/
 */
import type { ItemValues, SiteValues } from './values.js';

const rfc3339 = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

export function renderJsonFeed(site: SiteValues, items: ItemValues[]): string {
  const author = { name: site.authorName, ...(site.authorUrl ? { url: site.authorUrl } : {}) };
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    home_page_url: site.home,
    feed_url: site.urls.json,
    ...(site.description ? { description: site.description } : {}),
    language: site.language,
    authors: [author],
    // The 1.0 field, still read by older readers (1.1 deprecates it but keeps it valid).
    author,
    items: items.map((i) => ({
      id: i.id,
      url: i.alternate,
      title: i.title,
      content_html: i.html,
      ...(i.summary ? { summary: i.summary } : {}),
      date_published: rfc3339(i.published),
      ...(i.updated.getTime() !== i.published.getTime() ? { date_modified: rfc3339(i.updated) } : {}),
      ...(i.source ? { authors: [{ name: i.source }], author: { name: i.source } } : {}),
      ...(i.tags.length ? { tags: i.tags } : {}),
      // Extension keys start with "_" (spec §"Extensions"): where an appended item came from.
      ...(i.origin ? { _straitfeed: { source: i.origin.name, source_feed: i.origin.feedUrl } } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
