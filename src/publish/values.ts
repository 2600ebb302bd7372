/**
 * Every value is made safe here before any writer (or `feed`) sees it: XML-invalid characters
 * and lone surrogates removed, URLs absolute, one alternate link and one unique id per item,
 * dates as Date objects that are known to be valid, and Atom `updated` values made distinct.
 */
import type { ResolvedConfig } from '../config.js';
import type { Entry } from '../model.js';
import { oneLine, xmlSafe } from '../text/clean.js';
import { anchorUrl } from '../entries/read.js';

/** Fixed, so that output never depends on when or where it was built. */
export const GENERATOR = 'straitfeed';

export const FILES = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json', html: 'index.html', xsl: 'feed.xsl' } as const;

export interface SiteValues {
  title: string;
  description: string;
  language: string;
  /** index.html's URL (site.url). */
  home: string;
  authorName: string;
  authorUrl: string | null;
  copyright: string | null;
  /** The hosted URL of each output file: `self` links must equal them. */
  urls: { rss: string; atom: string; json: string };
  /** The newest entry's updated instant (no clock): lastBuildDate / feed updated. */
  updated: Date;
}

export interface ItemValues {
  slug: string;
  id: string;
  /** The entry's link, else its anchor on index.html. */
  alternate: string;
  /** The original article, or null. */
  link: string | null;
  title: string;
  summary: string;
  /** The entry's own `summary` key (not derived from the body): worth showing beside the body. */
  summaryIsOwn: boolean;
  html: string;
  tags: string[];
  source: string | null;
  origin: { name: string; feedUrl: string } | null;
  published: Date;
  updated: Date;
  /** `updated`, moved by whole seconds where entries share an instant (Atom wants them distinct). */
  atomUpdated: Date;
}

export function siteValues(config: ResolvedConfig, items: ItemValues[]): SiteValues {
  const s = config.site;
  // An empty site still needs a fixed date: the earliest the site accepts.
  const newest = items.length
    ? items.reduce((m, i) => Math.max(m, i.atomUpdated.getTime()), -Infinity)
    : Date.parse(`${s.earliestDate}T00:00:00Z`);
  return {
    title: oneLine(s.title),
    description: oneLine(s.description),
    language: s.language,
    home: s.url,
    // Atom requires an author on the feed or on every entry: fall back to the site's title.
    authorName: oneLine(s.author?.name ?? '') || oneLine(s.title),
    authorUrl: s.author?.url ?? null,
    copyright: s.copyright ? oneLine(s.copyright) : null,
    urls: { rss: new URL(FILES.rss, s.url).href, atom: new URL(FILES.atom, s.url).href, json: new URL(FILES.json, s.url).href },
    updated: new Date(newest),
  };
}

/** Entries (already sorted newest first) → the values every writer uses. */
export function itemValues(entries: Entry[], siteUrl: string): ItemValues[] {
  const items = entries.map((e) => ({
    slug: e.slug,
    id: xmlSafe(e.id),
    alternate: e.link ?? anchorUrl(siteUrl, e.slug),
    link: e.link,
    title: oneLine(e.title),
    summary: oneLine(e.summary),
    summaryIsOwn: typeof e.frontMatter.summary === 'string' && e.frontMatter.summary.trim() !== '',
    html: xmlSafe(e.html),
    tags: e.tags.map(oneLine).filter(Boolean),
    source: e.source ? oneLine(e.source) || null : null,
    origin: e.origin ? { name: oneLine(e.origin.name) || new URL(e.origin.feedUrl).host, feedUrl: e.origin.feedUrl } : null,
    published: new Date(e.date),
    updated: new Date(e.updated),
    atomUpdated: new Date(e.updated),
  }));
  distinctUpdated(items);
  return items;
}

/**
 * W3C's validator warns when two Atom entries share an `updated` value. Entries that share one
 * are moved later by 1, 2, … seconds from the bottom of the feed up, so the order is unchanged
 * and the result depends only on the entries.
 */
function distinctUpdated(items: ItemValues[]): void {
  const taken = new Set<number>();
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    let t = item.updated.getTime();
    while (taken.has(t)) t += 1000;
    taken.add(t);
    item.atomUpdated = new Date(t);
  }
}

/** XML text content. `&`, `<` and `>` as hexadecimal references, as the RSS Profile asks. */
export function xmlText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/>/g, '&#x3E;');
}

/** An XML attribute value in double quotes. */
export function xmlAttr(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** A CDATA section that stays one: every `]]>` is split across two sections. */
export function cdata(s: string): string {
  return `<![CDATA[${xmlSafe(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
