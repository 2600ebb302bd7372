/**
 * One normalization for every format: the adapters (rss, atom, json) fill a RawItem with strings
 * as the feed wrote them; `normalizeItem` makes the SourceItem (absolute links, plain-text titles,
 * sanitized HTML, RFC 3339 dates, null for what is missing, a warning for what was defaulted).
 */
import type { SourceItem } from '../../model.js';
import { oneLine, xmlSafe } from '../../text/clean.js';
import { escapeHtml, htmlToText, sanitizeHtml } from '../../text/sanitize.js';
import { parseFeedDate } from './dates.js';

/** A piece of text and whether the feed meant it as HTML. */
export interface Markup {
  value: string;
  html: boolean;
}

export interface RawItem {
  guid: string | null;
  /** As written; resolved against `base`. */
  link: string | null;
  title: Markup | null;
  summary: Markup | null;
  content: Markup | null;
  published: string | null;
  updated: string | null;
  authors: string[];
  categories: string[];
  enclosures: { url: string; type: string | null; length: string | number | null }[];
  /** The base URL in effect for this item (feed URL + every xml:base on the way), or null. */
  base: string | null;
  /** The item's own language (JSON Feed 1.1, dc:language), for dates. */
  language?: string | null | undefined;
}

export interface FeedContext {
  /** Language of the feed or the configured hint. */
  language: string | null;
}

function isHttp(u: URL): boolean {
  return u.protocol === 'http:' || u.protocol === 'https:';
}

/** `ref` resolved against `base`, if the result is http(s); else `base` unchanged (xml:base chains). */
export function joinBase(base: string | null, ref: string | null | undefined): string | null {
  const r = ref?.trim();
  if (!r) return base;
  try {
    const u = base ? new URL(r, base) : new URL(r);
    return isHttp(u) ? u.href : base;
  } catch {
    return base;
  }
}

/** The http(s) URL itself, or null (file: paths and junk are not a base for feed links). */
export function httpOnly(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return isHttp(u) ? u.href : null;
  } catch {
    return null;
  }
}

/** `ref` resolved against `base` when the result is http(s), else null. */
export function resolveUrl(ref: string, base: string | null): string | null {
  try {
    const u = base ? new URL(ref.trim(), base) : new URL(ref.trim());
    return isHttp(u) ? u.href : null;
  } catch {
    return null;
  }
}

/** An absolute http(s) URL for `ref`, or null with a warning. */
export function absoluteUrl(ref: string | null | undefined, base: string | null, warnings: string[], what: string): string | null {
  const r = ref?.trim();
  if (!r) return null;
  try {
    const u = base ? new URL(r, base) : new URL(r);
    if (isHttp(u)) return u.href;
    warnings.push(`${what} "${r.slice(0, 80)}" is not an http(s) URL; dropped`);
  } catch {
    warnings.push(`${what} "${r.slice(0, 80)}" cannot be made absolute; dropped`);
  }
  return null;
}

// Most titles and categories carry no markup at all; skipping the HTML parser for them is what
// keeps a 10 MB feed fast (see `npm run bench`). The result is identical.
const MARKUP = /[<>&"']/;

export function plainText(m: Markup | null): string | null {
  if (!m) return null;
  const t = m.html && MARKUP.test(m.value) ? htmlToText(m.value) : oneLine(m.value);
  return t === '' ? null : t;
}

export function safeHtml(m: Markup | null, base: string | null): string | null {
  if (!m) return null;
  const out = (m.html && MARKUP.test(m.value) ? sanitizeHtml(m.value, { baseUrl: base ?? undefined }) : escapeHtml(xmlSafe(m.value).trim())).trim();
  return out === '' ? null : out;
}

/** "jane@example.org (Jane Doe)" (RSS 2.0 author) → "Jane Doe". */
function authorName(raw: string): string {
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(raw.trim());
  return plainText({ value: m?.[1] ?? raw, html: true }) ?? '';
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

export function normalizeItem(raw: RawItem, ctx: FeedContext): SourceItem {
  const warnings: string[] = [];
  const language = raw.language ?? ctx.language;
  const date = (value: string | null, field: string): string | null => {
    const r = parseFeedDate(value, { language });
    if (r === null) return null;
    if (r.ok) return r.value;
    warnings.push(`${field}: ${r.warning}`);
    return null;
  };
  const guid = raw.guid?.trim() || null;
  const enclosures: SourceItem['enclosures'] = [];
  for (const e of raw.enclosures) {
    const url = absoluteUrl(e.url, raw.base, warnings, 'enclosure');
    if (!url) continue;
    const n = typeof e.length === 'number' ? e.length : e.length && /^\d+$/.test(e.length.trim()) ? Number(e.length.trim()) : null;
    enclosures.push({ url, type: e.type?.trim() || null, length: n });
  }
  return {
    guid,
    link: absoluteUrl(raw.link, raw.base, warnings, 'link'),
    title: plainText(raw.title),
    summary: safeHtml(raw.summary, raw.base),
    content: safeHtml(raw.content, raw.base),
    published: date(raw.published, 'published'),
    updated: date(raw.updated, 'updated'),
    authors: unique(raw.authors.map(authorName)),
    categories: unique(raw.categories.map((c) => plainText({ value: c, html: true }) ?? '')),
    enclosures,
    warnings,
  };
}
