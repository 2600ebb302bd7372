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
}

/** The front matter of the entry an item becomes. */
export function entryFrontMatter(a: AppendInput): WatchedFrontMatter {
  const title = oneLine(a.item.title ?? '') || oneLine(excerptOf(a.item, 80)) || '(untitled)';
  // An item without a date is dated when it was found: it is news to this site then.
  const date = a.item.published ?? a.item.updated ?? a.fetchedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    title,
    date,
    link: a.item.link,
    source: a.source.name,
    tags: tagsOf(a.item),
    summary: excerptOf(a.item, a.excerptChars),
    source_feed: a.source.url,
    guid: a.item.guid,
    fetched_at: a.fetchedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    score: Math.round(a.decision.score * 1000) / 1000,
    reasons: a.decision.reasons.map((r) => oneLine(r)).filter(Boolean),
    also_reported_by: [],
    key: a.key,
  };
}
