/**
 * One entry file → a validated Entry. Every problem is an ENTRY_INVALID naming the file and
 * the line of the key at fault (line 1, the opening `---`, for a missing key).
 */
import type { ResolvedConfig } from '../config.js';
import { StraitfeedError } from '../errors.js';
import type { Entry } from '../model.js';
import { oneLine, truncate } from '../text/clean.js';
import { escapeHtml, htmlToText } from '../text/sanitize.js';
import { parseEntryDate } from './dates.js';
import { parseFrontMatter } from './front-matter.js';
import { renderMarkdown } from './markdown.js';

/** `YYYY-MM-DD-slug.md`; the slug becomes an HTML anchor and part of derived ids. */
export const ENTRY_FILE = /^(\d{4})-(\d{2})-(\d{2})-([A-Za-z0-9][A-Za-z0-9_-]*)\.md$/;

/** Length of a summary derived from the body when the entry has none. */
export const SUMMARY_CHARS = 280;

export interface ParseOptions {
  /** "Now" for the future-date check (validation may use the clock; output never does). */
  now?: Date;
}

/** An entry before ids are settled across the site (see read.ts). */
export interface ParsedEntry extends Entry {
  /** The `id` key, normalized, or null when the id is derived. */
  explicitId: string | null;
  /** Line of the key that decided the id (`id`, else `link`, else 1), for duplicate reports. */
  idLine: number;
}

function absoluteHttpUrl(v: string): string | null {
  const s = v.trim();
  if (!/^https?:\/\//i.test(s) || !URL.canParse(s)) return null;
  const u = new URL(s);
  return u.hostname ? u.href : null;
}

/** Parse and validate one entry. `file` is the site-relative path (`entries/NAME.md`). */
export function parseEntry(text: string, file: string, config: ResolvedConfig, opts: ParseOptions = {}): ParsedEntry {
  const name = file.split('/').pop() ?? file;
  const nameMatch = ENTRY_FILE.exec(name);
  if (!nameMatch) {
    throw new StraitfeedError('ENTRY_INVALID', 'file name must be YYYY-MM-DD-slug.md (slug: letters, digits, - and _)', {
      stage: 'entry', where: file, line: 1,
    });
  }
  const slug = name.slice(0, -3);
  const fm = parseFrontMatter(text, file);
  const d = fm.data;
  const lineOf = (key: string): number => fm.lines.get(key) ?? 1;
  const fail = (key: string, message: string): never => {
    throw new StraitfeedError('ENTRY_INVALID', `${key}: ${message}`, { stage: 'entry', where: file, line: lineOf(key) });
  };
  const optionalText = (key: string): string | null => {
    const v = d[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' && typeof v !== 'number') fail(key, 'must be text');
    return oneLine(String(v)) || null;
  };

  if (d.title === undefined || d.title === null) fail('title', 'is required');
  if (typeof d.title !== 'string' && typeof d.title !== 'number') fail('title', 'must be text');
  const title = oneLine(String(d.title));
  if (!title) fail('title', 'must not be empty');

  if (d.date === undefined || d.date === null) fail('date', 'is required');
  const intended = d.date_intended;
  if (intended !== undefined && typeof intended !== 'boolean') fail('date_intended', 'must be true or false');
  const now = opts.now ?? new Date();
  const checkDate = (key: string): string => {
    const r = parseEntryDate(d[key]);
    if (!r.ok) return fail(key, r.reason);
    // A day of slack: an entry dated "today" in Taipei is tomorrow for a UTC clock.
    if (Date.parse(r.iso) > now.getTime() + 86_400_000) {
      fail(key, `${r.iso.slice(0, 10)} is in the future`);
    }
    if (r.iso.slice(0, 10) < config.site.earliestDate && intended !== true) {
      fail(key, `${r.iso.slice(0, 10)} is before site.earliest_date (${config.site.earliestDate}); add "date_intended: true" if it is right`);
    }
    return r.iso;
  };
  const date = checkDate('date');
  const updated = d.updated === undefined || d.updated === null ? date : checkDate('updated');
  if (updated < date) fail('updated', 'is before date');

  let link: string | null = null;
  if (d.link !== undefined && d.link !== null) {
    link = typeof d.link === 'string' ? absoluteHttpUrl(d.link) : null;
    if (!link) fail('link', 'must be an absolute http(s) URL such as https://example.org/article');
  }

  let explicitId: string | null = null;
  if (d.id !== undefined && d.id !== null) {
    const raw = typeof d.id === 'string' || typeof d.id === 'number' ? String(d.id).trim() : '';
    // Atom ids are IRIs and feed@6 runs them through new URL(): "post-42" would throw.
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(raw) || !URL.canParse(raw)) {
      fail('id', 'must be an absolute URI such as tag:example.org,2016:my-entry or https://…');
    }
    explicitId = new URL(raw).href;
  }

  let tags: string[] = [];
  if (d.tags !== undefined && d.tags !== null) {
    if (!Array.isArray(d.tags)) fail('tags', 'must be a list, e.g. [us-taiwan, cooperation]');
    const list = d.tags as unknown[];
    if (list.some((t) => typeof t !== 'string' && typeof t !== 'number')) fail('tags', 'every tag must be text');
    tags = [...new Set(list.map((t) => oneLine(String(t))).filter(Boolean))];
  }

  const source = optionalText('source');
  let origin: Entry['origin'] = null;
  if (d.source_feed !== undefined && d.source_feed !== null) {
    const feedUrl = typeof d.source_feed === 'string' ? absoluteHttpUrl(d.source_feed) : null;
    if (!feedUrl) fail('source_feed', 'must be an absolute http(s) URL');
    origin = { name: source ?? new URL(feedUrl!).host, feedUrl: feedUrl! };
  }

  const body = fm.body.trim();
  let html = body ? renderMarkdown(body, config.site.url) : '';
  const summary = optionalText('summary') ?? truncate(htmlToText(html), SUMMARY_CHARS);
  // JSON Feed requires content; an entry that is all front matter still says something.
  if (!html) html = `<p>${escapeHtml(summary || title)}</p>`;

  return {
    file,
    slug,
    id: explicitId ?? '',
    title,
    date,
    updated,
    link,
    source,
    tags,
    summary,
    body,
    html,
    origin,
    frontMatter: d,
    explicitId,
    idLine: fm.lines.get('id') ?? fm.lines.get('link') ?? 1,
  };
}
