/**
 * The append stage: a decided source item becomes an entry's front matter and body. Only a
 * short, sanitized plain-text excerpt is kept, never the article's full text: the entry points
 * readers to the original.
 */
import type { ResolvedSource } from '../config.js';
import type { Decision, SourceItem } from '../model.js';
import { oneLine, truncate } from '../text/clean.js';
import { htmlToText } from '../text/sanitize.js';
import type { WatchedFrontMatter } from '../entries/write.js';

/** Plain-text excerpt of an item (summary, else content), at most `max` characters. */
export function excerptOf(item: Pick<SourceItem, 'summary' | 'content'>, max: number): string {
  const html = item.summary?.trim() ? item.summary : (item.content ?? '');
  return truncate(htmlToText(html), max);
}

/** Feed categories as tags: one line each, lowercased, de-duplicated, at most five. */
export function tagsOf(item: Pick<SourceItem, 'categories'>): string[] {
  const out: string[] = [];
  for (const c of item.categories) {
    const t = oneLine(c).toLowerCase().slice(0, 40);
    if (t && !out.includes(t)) out.push(t);
    if (out.length === 5) break;
  }
  return out;
}

export interface AppendInput {
  item: SourceItem;
  decision: Decision;
  source: ResolvedSource;
  key: string;
  fetchedAt: Date;
  excerptChars: number;
  /** site.earliest_date (YYYY-MM-DD): the publisher rejects anything older. */
  earliestDate?: string | undefined;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The item's date, unless it is unusable for an entry: a date in the future (a feed whose clock
 * or time zone is wrong) or before site.earliest_date (a zero date) becomes the time it was found.
 */
export function entryDate(item: Pick<SourceItem, 'published' | 'updated'>, fetchedAt: Date, earliestDate = '1990-01-01'): string {
  const d = item.published ?? item.updated;
  if (!d) return iso(fetchedAt);
  const t = Date.parse(d);
  if (!Number.isFinite(t) || t > fetchedAt.getTime() + 3600_000 || d.slice(0, 10) < earliestDate) return iso(fetchedAt);
  return d;
}

/** The front matter of the entry an item becomes. */
export function entryFrontMatter(a: AppendInput): WatchedFrontMatter {
  const title = oneLine(a.item.title ?? '') || oneLine(excerptOf(a.item, 80)) || '(untitled)';
  // An item without a (usable) date is dated when it was found: it is news to this site then.
  const date = entryDate(a.item, a.fetchedAt, a.earliestDate);
  return {
    title,
    date,
    link: a.item.link,
    source: a.source.name,
    tags: tagsOf(a.item),
    summary: excerptOf(a.item, a.excerptChars),
    source_feed: a.source.url,
    guid: a.item.guid,
    fetched_at: iso(a.fetchedAt),
    score: Math.round(a.decision.score * 1000) / 1000,
    reasons: a.decision.reasons.map((r) => oneLine(r)).filter(Boolean),
    also_reported_by: [],
    key: a.key,
  };
}
