/**
 * Writing entry files: `entries/YYYY-MM-DD-slug.md` with YAML front matter (serialized by the
 * `yaml` package, never by string concatenation) and a short Markdown body. Every write is
 * atomic; an existing file is never overwritten by a new entry.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { writeFileAtomic } from '../state/atomic.js';
import { slowWrites } from '../state/slow.js';

/** Front matter of an entry appended by the watcher (INTERFACE.md keys + provenance). */
export interface WatchedFrontMatter {
  title: string;
  /** RFC 3339 UTC. */
  date: string;
  link: string | null;
  /** The source's configured name. */
  source: string;
  tags: string[];
  summary: string;
  /** The feed URL the item came from (published as RSS <source> / atom:source). */
  source_feed: string;
  guid: string | null;
  fetched_at: string;
  score: number;
  reasons: string[];
  also_reported_by: { source: string; link: string | null }[];
  /** The dedupe key (see pipeline/dedupe.ts). */
  key: string;
}

export const MAX_SLUG = 60;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file-name slug safe on every OS: ASCII letters, digits and hyphens only. Titles that are
 * mostly not Latin (Chinese, Japanese ...) get `item-<hash of key>` instead of a transliteration,
 * which would need a dictionary and still guess wrong.
 */
export function slugify(title: string, key: string): string {
  const ascii = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const all = (title.match(/[\p{L}\p{N}]/gu) ?? []).length;
  const latin = (ascii.match(/[a-z0-9]/g) ?? []).length;
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length < 3 || latin < all * 0.5) return `item-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG);
    const dash = cut.lastIndexOf('-');
    slug = dash > MAX_SLUG / 2 ? cut.slice(0, dash) : cut;
  }
  return RESERVED.test(slug) ? `${slug}-entry` : slug;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** A file name `YYYY-MM-DD-slug.md` not yet used in `dir` nor in `taken`. */
export async function uniqueEntryName(dir: string, date: string, slug: string, taken: ReadonlySet<string> = new Set()): Promise<string> {
  const day = date.slice(0, 10);
  for (let n = 1; ; n++) {
    const name = `${day}-${slug}${n === 1 ? '' : `-${n}`}.md`;
    if (!taken.has(name) && !(await exists(path.join(dir, name)))) return name;
  }
}

/** Markdown-escape plain text so that `*`, `_`, `<` ... stay literal in the rendered body. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_{}[\]<>#|~!]/g, '\\$&')
    .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
    .replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3');
}

export function entryBody(front: Pick<WatchedFrontMatter, 'summary' | 'link' | 'source'>): string {
  const parts: string[] = [];
  if (front.summary) parts.push(escapeMarkdown(front.summary));
  // <...> around the URL keeps parentheses and spaces in it from ending the link early.
  if (front.link) parts.push(`[Read the original at ${escapeMarkdown(front.source)}](<${front.link}>)`);
  return `${parts.join('\n\n')}\n`;
}

/** Entry file text: `---`, YAML front matter, `---`, body. */
export function serializeEntry(front: object, body: string): string {
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${body}`;
}

/** Split an entry file into its front matter text and body; null if it has none. */
export function splitEntry(text: string): { front: string; body: string } | null {
  const t = text.replace(/^\uFEFF/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(t);
  if (!m) {
    const empty = /^---[ \t]*\r?\n---[ \t]*(?:\r?\n|$)/.exec(t);
    return empty ? { front: '', body: t.slice(empty[0].length) } : null;
  }
  return { front: m[1]!, body: t.slice(m[0].length) };
}

/** Write a new entry file atomically; returns its file name. */
export async function writeNewEntry(
  dir: string,
  front: WatchedFrontMatter,
  taken: Set<string> = new Set(),
  body: string = entryBody(front),
): Promise<string> {
  const name = await uniqueEntryName(dir, front.date, slugify(front.title, front.key), taken);
  taken.add(name);
  await slowWrites();
  await writeFileAtomic(path.join(dir, name), serializeEntry(front, body));
  return name;
}

/**
 * Record another outlet on an existing entry (`also_reported_by`), keeping every other key,
 * comment and the body as they are. Returns false when it was already recorded.
 */
export async function addAlsoReportedBy(file: string, other: { source: string; link: string | null }): Promise<boolean> {
  const text = await readFile(file, 'utf8');
  const parts = splitEntry(text);
  if (!parts) return false;
  const doc = parseDocument(parts.front);
  if (doc.errors.length || !isMap(doc.contents)) return false;
  const current = doc.get('also_reported_by', true);
  const list: { source: string; link: string | null }[] = isSeq(current)
    ? (current.toJSON() as unknown[]).filter((v): v is { source: string; link: string | null } => typeof v === 'object' && v !== null)
    : [];
  if (list.some((o) => o.source === other.source && (o.link ?? null) === other.link)) return false;
  doc.set('also_reported_by', doc.createNode([...list, other]));
  await slowWrites();
  await writeFileAtomic(file, `---\n${doc.toString({ lineWidth: 0 })}---\n${parts.body}`);
  return true;
}
