/**
 * What the entry files say, read leniently: the identities of every entry (its `key`, `guid`,
 * `link` and the outlets in `also_reported_by`) and the recent stories for near-duplicate checks.
 *
 * This is why a crash cannot make the watcher append twice: an entry written just before a
 * SIGKILL, whose key never reached state.json, is still found here on the next run. It does not
 * validate entries (that is `build`'s job): an entry it cannot read is simply skipped.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { entryIdentities, normalizeUrl, type StoryRef } from '../pipeline/dedupe.js';
import { splitEntry } from '../entries/write.js';

export interface ScannedEntry extends StoryRef {
  /** File name inside entries/. */
  file: string;
  identities: string[];
}

export interface EntryScan {
  entries: ScannedEntry[];
  /** Identity → entry file name. */
  byIdentity: Map<string, string>;
}

/** The Markdown files of entries/ (hidden files and folders, like .straitfeed, are not entries). */
export async function entryFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names.filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
}

function dateString(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'string' ? v : '';
}

/** Identities and story facts of one entry's front matter. */
export function scanFrontMatter(file: string, front: Record<string, unknown>): ScannedEntry {
  const ids = new Set(entryIdentities(front));
  // The other outlets' copies were merged into this entry: their links are known too.
  if (Array.isArray(front.also_reported_by)) {
    for (const o of front.also_reported_by) {
      const link = typeof o === 'object' && o !== null ? (o as { link?: unknown }).link : null;
      const url = typeof link === 'string' ? normalizeUrl(link) : null;
      if (url) ids.add(`u:${url}`);
    }
  }
  return {
    file,
    identities: [...ids],
    title: typeof front.title === 'string' ? front.title : '',
    date: dateString(front.date),
    source: typeof front.source === 'string' ? front.source : null,
  };
}

/** Parse the front matter of an entry file's text; null when there is none or it is broken. */
export function readFrontMatter(text: string): Record<string, unknown> | null {
  const parts = splitEntry(text);
  if (!parts) return null;
  try {
    const v: unknown = parse(parts.front);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function scanEntries(dir: string): Promise<EntryScan> {
  const entries: ScannedEntry[] = [];
  const byIdentity = new Map<string, string>();
  for (const file of await entryFiles(dir)) {
    let text: string;
    try {
      text = await readFile(path.join(dir, file), 'utf8');
    } catch {
      continue;
    }
    const front = readFrontMatter(text);
    if (!front) continue;
    const e = scanFrontMatter(file, front);
    entries.push(e);
    for (const id of e.identities) if (!byIdentity.has(id)) byIdentity.set(id, file);
  }
  return { entries, byIdentity };
}
