/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) → ParsedFeed, written by hand:
 * rss-parser does not read JSON. Wire types below are what the spec allows, checked field by
 * field, since real feeds put numbers in `id` and strings where objects belong.
 */
import type { ParsedFeed } from '../../model.js';
import { StraitfeedError } from '../../errors.js';
import { absoluteUrl, httpOnly, joinBase, normalizeItem, plainText, type RawItem } from './item.js';

interface WireAuthor {
  name?: unknown;
}

interface WireItem {
  id?: unknown;
  url?: unknown;
  external_url?: unknown;
  title?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  summary?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  author?: WireAuthor;
  authors?: unknown;
  tags?: unknown;
  attachments?: unknown;
  language?: unknown;
}

interface WireFeed {
  version?: unknown;
  title?: unknown;
  home_page_url?: unknown;
  feed_url?: unknown;
  language?: unknown;
  author?: WireAuthor;
  authors?: unknown;
  items?: unknown;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function authorNames(single: unknown, many: unknown): string[] {
  const list = Array.isArray(many) ? many : single === undefined ? [] : [single];
  return list.map((a) => (isObject(a) ? str(a.name) : str(a))).filter((n): n is string => n !== null);
}

function rawItem(it: WireItem, base: string | null, feedAuthors: string[]): RawItem {
  const html = str(it.content_html);
  const text = str(it.content_text);
  const own = authorNames(it.author, it.authors);
  return {
    guid: str(it.id),
    link: str(it.url) ?? str(it.external_url),
    title: str(it.title) === null ? null : { value: str(it.title)!, html: false },
    summary: str(it.summary) === null ? null : { value: str(it.summary)!, html: false },
    content: html !== null ? { value: html, html: true } : text !== null ? { value: text, html: false } : null,
    published: str(it.date_published),
    updated: str(it.date_modified),
    authors: own.length ? own : feedAuthors,
    categories: Array.isArray(it.tags) ? it.tags.map(str).filter((t): t is string => t !== null) : [],
    enclosures: (Array.isArray(it.attachments) ? it.attachments : []).filter(isObject).map((a) => ({
      url: str(a.url) ?? '',
      type: str(a.mime_type),
      length: typeof a.size_in_bytes === 'number' ? a.size_in_bytes : str(a.size_in_bytes),
    })).filter((a) => a.url !== ''),
    base,
    language: str(it.language),
  };
}

/** A JSON Feed document → ParsedFeed; JSON that is not a JSON Feed is PARSE_NOT_FEED. */
export function adaptJsonFeed(text: string, docUrl: string | null, languageHint: string | null, where: string | null = docUrl): ParsedFeed {
  let wire: unknown;
  try {
    wire = JSON.parse(text);
  } catch (e) {
    throw new StraitfeedError('PARSE_NOT_FEED', `not a feed: invalid JSON (${(e as Error).message})`, { stage: 'parse', where: where ?? undefined, cause: e });
  }
  const version = isObject(wire) ? str(wire.version) : null;
  const m = version ? /^https?:\/\/jsonfeed\.org\/version\/(1(?:\.\d+)?)\/?$/.exec(version.trim()) : null;
  if (!isObject(wire) || !m) {
    throw new StraitfeedError('PARSE_NOT_FEED', 'not a feed: JSON without a JSON Feed "version"', { stage: 'parse', where: where ?? undefined });
  }
  const feed = wire as WireFeed;
  const warnings: string[] = [];
  let base = httpOnly(docUrl);
  const home = absoluteUrl(str(feed.home_page_url), base, warnings, 'home_page_url');
  if (base === null) base = joinBase(null, str(feed.feed_url)) ?? home;
  const language = str(feed.language) ?? languageHint;
  const feedAuthors = authorNames(feed.author, feed.authors);
  const items: ParsedFeed['items'] = [];
  const wireItems = Array.isArray(feed.items) ? feed.items : [];
  if (!Array.isArray(feed.items)) warnings.push('"items" is missing or not an array');
  wireItems.forEach((it, i) => {
    if (!isObject(it)) {
      warnings.push(`items[${i}] is not an object; skipped`);
      return;
    }
    const raw = rawItem(it as WireItem, base, feedAuthors);
    items.push(normalizeItem(raw, { language: raw.language ?? language }));
  });
  return {
    format: 'json',
    version: `json ${m[1] === '1' ? '1.0' : m[1]}`,
    title: plainText(str(feed.title) === null ? null : { value: str(feed.title)!, html: false }),
    link: home,
    language,
    items,
    warnings,
  };
}
