/**
 * The domain types every stage agrees on. Wire shapes (rss-parser's objects, YAML front matter,
 * JSON Feed) stay inside their modules; after them, only these types travel.
 */

/** A curated entry, read from entries/YYYY-MM-DD-slug.md and validated. */
export interface Entry {
  /** Path of the Markdown file, relative to the site folder (for messages). */
  file: string;
  /** File name without `.md`, e.g. `2016-07-05-us-taiwan-soi`. */
  slug: string;
  /** Stable, unique id: the `id` key if given, else derived from site.url and the slug. */
  id: string;
  title: string;
  /** Publication instant, RFC 3339 in UTC (`2016-07-05T00:00:00Z`). */
  date: string;
  /** Last update instant (`updated` key), RFC 3339 UTC, else equal to `date`. */
  updated: string;
  /** Absolute URL of the original article, or null. */
  link: string | null;
  /** Publisher name, or null. */
  source: string | null;
  tags: string[];
  /** Plain-text summary: the `summary` key, else derived from the body. */
  summary: string;
  /** The Markdown body as written. */
  body: string;
  /** The body rendered to HTML and sanitized. */
  html: string;
  /** Where an appended entry came from (its source feed), for RSS <source> / atom:source. */
  origin: { name: string; feedUrl: string } | null;
  /** Every front-matter key, known or not, exactly as read (unknown keys are never dropped). */
  frontMatter: Record<string, unknown>;
}

/** One item of a source feed, normalized. `null` for whatever the feed did not carry. */
export interface SourceItem {
  /** The verbatim guid/id of the source item. */
  guid: string | null;
  /** Absolute URL (resolved against xml:base / the feed URL). */
  link: string | null;
  /** Plain text. */
  title: string | null;
  /** Sanitized HTML or text. */
  summary: string | null;
  /** Sanitized HTML of the full content, when the feed carries it. */
  content: string | null;
  /** RFC 3339 UTC, or null when missing or unparseable. */
  published: string | null;
  updated: string | null;
  authors: string[];
  categories: string[];
  enclosures: { url: string; type: string | null; length: number | null }[];
  /** Per-item problems that were defaulted instead of failing the feed. */
  warnings: string[];
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  /** e.g. 'rss 2.0', 'rss 0.91', 'atom 1.0', 'atom 0.3', 'json 1.1'. */
  version: string;
  title: string | null;
  /** Home page of the source, absolute, or null. */
  link: string | null;
  language: string | null;
  items: SourceItem[];
  warnings: string[];
}

export type Verdict = 'append' | 'review' | 'drop';

/** The topic verdict for one item: a pure function of (item, compiled topic). */
export interface Decision {
  decision: Verdict;
  score: number;
  /** Human-readable: which terms matched, which rule fired, why this score. Topic decisions write
   * them on first read (a getter): copy a decision by naming its fields, not by spreading it. */
  reasons: string[];
}
