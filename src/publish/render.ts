/**
 * Entries → the bytes of every output file, in memory and pure: the same entries and config
 * always give the same bytes (no clock, no locale, a fixed generator string).
 */
import type { ResolvedConfig } from '../config.js';
import type { Entry } from '../model.js';
import { renderAtom } from './atom.js';
import { renderHtml } from './html.js';
import { renderJsonFeed } from './jsonfeed.js';
import { renderRss } from './rss.js';
import { FILES, itemValues, siteValues } from './values.js';
import { FEED_XSL } from './xsl.js';

/** File name in output/ → its text. `entries` must be sorted newest first (loadEntries does). */
export function renderSite(entries: Entry[], config: ResolvedConfig): Map<string, string> {
  const all = itemValues(entries, config.site.url);
  // Feeds carry the newest `limit`; the page lists everything.
  const newest = all.slice(0, config.site.limit);
  const feedSite = siteValues(config, newest);
  const pageSite = siteValues(config, all);
  return new Map([
    [FILES.rss, renderRss(feedSite, newest)],
    [FILES.atom, renderAtom(feedSite, newest)],
    [FILES.json, renderJsonFeed(feedSite, newest)],
    [FILES.html, renderHtml(pageSite, all)],
    [FILES.xsl, FEED_XSL],
  ]);
}
