/**
 * entries/ → validated Entry[]: read every `*.md` (hidden files and folders such as
 * entries/.straitfeed, the watcher's state, are not entries), parse each, settle ids across
 * the site, refuse duplicates, and sort newest first with a stable tie-break.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { StraitfeedError } from '../errors.js';
import type { Entry } from '../model.js';
import { parseEntry, type ParsedEntry, type ParseOptions } from './parse.js';

export { parseEntry, ENTRY_FILE, type ParsedEntry, type ParseOptions } from './parse.js';

/** Newest first: date descending, then slug ascending, so equal dates keep one order. */
export function compareEntries(a: Entry, b: Entry): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** The anchor of an entry on index.html; also its alternate link when it has no `link`. */
export function anchorUrl(siteUrl: string, slug: string): string {
  return `${siteUrl}#${slug}`;
}

/**
 * Give every entry its final id: the `id` key; else its link when no other entry shares that
 * link; else the index anchor. Two entries with the same final id are an error.
 */
export function settleIds(parsed: ParsedEntry[], siteUrl: string): Entry[] {
  const linkCount = new Map<string, number>();
  for (const e of parsed) if (e.link) linkCount.set(e.link, (linkCount.get(e.link) ?? 0) + 1);
  const seen = new Map<string, ParsedEntry>();
  const out: Entry[] = [];
  for (const e of [...parsed].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const id = e.explicitId ?? (e.link && linkCount.get(e.link) === 1 ? e.link : anchorUrl(siteUrl, e.slug));
    const first = seen.get(id);
    if (first) {
      throw new StraitfeedError('ENTRY_DUPLICATE_ID', `id ${id} is already used by ${first.file}:${first.idLine}`, {
        stage: 'entry', where: e.file, line: e.idLine,
      });
    }
    seen.set(id, e);
    const { explicitId: _x, idLine: _l, ...entry } = e;
    out.push({ ...entry, id });
  }
  return out.sort(compareEntries);
}

/** Every entry of the site, validated (ENTRY_INVALID names the file and line), newest first. */
export async function loadEntries(config: ResolvedConfig, opts: ParseOptions = {}): Promise<Entry[]> {
  let names: string[];
  try {
    const dirents = await readdir(config.paths.entries, { withFileTypes: true });
    names = dirents.filter((d) => d.isFile() && !d.name.startsWith('.') && d.name.endsWith('.md')).map((d) => d.name);
  } catch (e) {
    // A new site has no entries yet: that is an empty feed, not an error.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new StraitfeedError('ENTRY_INVALID', `cannot read the entries folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
      stage: 'entry', where: config.paths.entries, cause: e,
    });
  }
  const rel = path.relative(config.root, config.paths.entries) || '.';
  const parsed: ParsedEntry[] = [];
  for (const name of names.sort()) {
    const file = `${rel.split(path.sep).join('/')}/${name}`;
    let text: string;
    try {
      text = await readFile(path.join(config.paths.entries, name), 'utf8');
    } catch (e) {
      throw new StraitfeedError('ENTRY_INVALID', `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
        stage: 'entry', where: file, cause: e,
      });
    }
    parsed.push(parseEntry(text, file, config, opts));
  }
  return settleIds(parsed, config.site.url);
}
