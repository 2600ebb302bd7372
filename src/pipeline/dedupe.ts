/**
 * The dedupe stage: a stable identity per item, and cross-source near-duplicate detection.
 *
 * Identity (STYLE.md practice 5): the guid, else the normalized URL, else a hash of title and
 * content. An item is "seen" when ANY of its identities is known, so an entry appended under its
 * guid is still recognised when a later copy of the feed drops the guid but keeps the link.
 * Pure functions: state and files live elsewhere.
 */
import { createHash } from 'node:crypto';
import type { SourceItem } from '../model.js';
import { foldChinese } from './fold.js';

/** Query parameters that only track the click, never select the article. */
const TRACKING = /^(utm_[a-z0-9_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga)$/i;

/**
 * Canonical form of an article URL: lowercased scheme and host, no default port, no fragment,
 * no tracking parameters, remaining parameters sorted, no trailing slash (except the root).
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function normalizeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  // WHATWG URL already lowercases the host and drops :80 on http / :443 on https.
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  // http and https copies of one article are the same article.
  return `${u.host}${u.pathname}${u.search}`;
}

function sha(s: string, len = 16): string {
  return createHash('sha256').update(s).digest('hex').slice(0, len);
}

function guidIdentity(guid: string, feedUrl: string): string {
  const g = guid.trim();
  // A guid with a scheme (URL, urn:, tag:) is globally unique; a bare "12345" is unique only
  // within its feed, so it is scoped by the feed's host.
  if (/^[a-z][a-z0-9+.-]*:/i.test(g)) {
    const asUrl = /^https?:/i.test(g) ? normalizeUrl(g) : null;
    return `g:${asUrl ?? g}`;
  }
  let host = feedUrl;
  try {
    host = new URL(feedUrl).host;
  } catch {
    /* a local file source: its path scopes the guid */
  }
  return `g:${host}#${g}`;
}

export type KeyedItem = Pick<SourceItem, 'guid' | 'link' | 'title' | 'summary' | 'content'>;

/** Every identity of an item: the stable key first, then the URL identity when different. */
export function identities(item: KeyedItem, feedUrl: string): string[] {
  const out: string[] = [];
  if (item.guid && item.guid.trim()) out.push(guidIdentity(item.guid, feedUrl));
  const url = normalizeUrl(item.link);
  if (url) out.push(`u:${url}`);
  if (out.length === 0) {
    const text = `${normalizeTitle(item.title ?? '')}\n${(item.content ?? item.summary ?? '').replace(/\s+/g, ' ').trim()}`;
    out.push(`h:${sha(text)}`);
  }
  return out;
}

/** The stable key of an item: guid, else normalized URL, else hash of title and content. */
export function itemKey(item: KeyedItem, feedUrl: string): string {
  return identities(item, feedUrl)[0]!;
}

/** Identities an existing entry answers to, from its front matter (`key`, `guid`, `link`). */
export function entryIdentities(front: { key?: unknown; guid?: unknown; link?: unknown; source_feed?: unknown }): string[] {
  const out = new Set<string>();
  if (typeof front.key === 'string' && front.key) out.add(front.key);
  if (typeof front.guid === 'string' && front.guid.trim()) {
    out.add(guidIdentity(front.guid, typeof front.source_feed === 'string' ? front.source_feed : ''));
  }
  const url = typeof front.link === 'string' ? normalizeUrl(front.link) : null;
  if (url) out.add(`u:${url}`);
  return [...out];
}

// ---- near-duplicates -----------------------------------------------------------------------

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const STOP = new Set(
  'a an the and or of to in on for with at by from as is are was were be been its it this that says said over after new amid'.split(' '),
);

/** Title for comparison: NFKC, lowercased, Chinese folded to one script, outlet suffix removed. */
export function normalizeTitle(title: string): string {
  let t = foldChinese(title.normalize('NFKC').toLowerCase());
  // "Story title - Outlet" / "Story title | Outlet": the outlet is not part of the story.
  t = t.replace(/\s+[-|–—]\s+[^-|–—]{1,40}$/u, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** Comparison tokens: character bigrams for CJK runs, words for everything else. */
export function titleTokens(title: string): Set<string> {
  const tokens = new Set<string>();
  const t = normalizeTitle(title);
  for (const run of t.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(run);
    if (chars.some((c) => CJK.test(c))) {
      // Split mixed runs: CJK characters become bigrams, embedded Latin stays a word.
      let latin = '';
      const cjk: string[] = [];
      const flush = (): void => {
        if (cjk.length === 1) tokens.add(cjk[0]!);
        for (let i = 0; i + 1 < cjk.length; i++) tokens.add(cjk[i]! + cjk[i + 1]!);
        cjk.length = 0;
      };
      for (const c of chars) {
        if (CJK.test(c)) {
          if (latin) tokens.add(latin), (latin = '');
          cjk.push(c);
        } else {
          flush();
          latin += c;
        }
      }
      flush();
      if (latin) tokens.add(latin);
    } else if (!STOP.has(run)) {
      // A crude stem: "talks"/"talk", "ties"/"tie" compare equal.
      tokens.add(run.length > 4 && run.endsWith('s') && !run.endsWith('ss') ? run.slice(0, -1) : run);
    }
  }
  return tokens;
}

/** Dice coefficient of two token sets, 0..1. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Titles at least this similar are the same story (tuned on hand-written pairs in the tests). */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

// Candidates (every recent entry) are compared with every new item of a cycle: tokenize each once.
const tokenCache = new WeakMap<object, { title: string; tokens: Set<string> }>();

export interface StoryRef {
  title: string;
  /** RFC 3339 or YYYY-MM-DD. */
  date: string;
  source: string | null;
}

/**
 * The first candidate that tells the same story: another outlet, dated within `days`, with a
 * similar title. Same-outlet pairs never match (an outlet's follow-up is a new story).
 */
export function findNearDuplicate<T extends StoryRef>(story: StoryRef, candidates: readonly T[], days: number): T | null {
  const mine = titleTokens(story.title);
  if (mine.size < 3) return null; // too little to compare: "Update", "快訊"
  const at = Date.parse(story.date);
  let best: { c: T; s: number } | null = null;
  for (const c of candidates) {
    if (story.source !== null && c.source === story.source) continue;
    const cAt = Date.parse(c.date);
    if (Number.isFinite(at) && Number.isFinite(cAt) && Math.abs(at - cAt) > days * 86_400_000) continue;
    let theirs = tokenCache.get(c);
    if (!theirs || theirs.title !== c.title) tokenCache.set(c, (theirs = { title: c.title, tokens: titleTokens(c.title) }));
    const s = similarity(mine, theirs.tokens);
    if (s >= NEAR_DUPLICATE_THRESHOLD && (!best || s > best.s)) best = { c, s };
  }
  return best?.c ?? null;
}
