/**
 * The review queue: items the topic decided `review` wait in entries/.straitfeed/review/, one
 * Markdown file each (the entry they would become, plus when and why they were held). The folder
 * is hidden inside entries/, so it is committed with the site but never published.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { StraitfeedError } from '../errors.js';
import { writeFileAtomic } from '../state/atomic.js';
import { readFrontMatter } from '../state/scan.js';
import { slowWrites } from '../state/slow.js';
import { entryBody, serializeEntry, splitEntry, writeNewEntry, type WatchedFrontMatter } from './write.js';

export interface ReviewItem {
  /** Short stable id derived from the item's key: what `review approve ID` takes. */
  id: string;
  /** Absolute path of the queue file. */
  file: string;
  front: WatchedFrontMatter;
  queuedAt: string | null;
  body: string;
}

/** Keys only the queue file carries; they are removed when the item becomes an entry. */
const QUEUE_KEYS = ['review_id', 'queued_at'] as const;

export function reviewId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 10);
}

/** Put an item on the queue (idempotent: the file name is its id). */
export async function enqueue(dir: string, front: WatchedFrontMatter, queuedAt: Date): Promise<ReviewItem> {
  const id = reviewId(front.key);
  const file = path.join(dir, `${id}.md`);
  const body = entryBody(front);
  await slowWrites();
  await writeFileAtomic(file, serializeEntry({ ...front, review_id: id, queued_at: queuedAt.toISOString() }, body));
  return { id, file, front, queuedAt: queuedAt.toISOString(), body };
}

function asFront(raw: Record<string, unknown>): WatchedFrontMatter | null {
  if (typeof raw.key !== 'string' || typeof raw.title !== 'string') return null;
  const rest: Record<string, unknown> = { ...raw };
  for (const k of QUEUE_KEYS) delete rest[k];
  if (raw.date instanceof Date) rest.date = raw.date.toISOString();
  return rest as unknown as WatchedFrontMatter;
}

/** Every queued item, highest score first, then oldest first. */
export async function listQueue(dir: string): Promise<ReviewItem[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const items: ReviewItem[] = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const raw = readFrontMatter(text);
    const front = raw ? asFront(raw) : null;
    if (!raw || !front) continue;
    items.push({
      id: name.slice(0, -3),
      file,
      front,
      queuedAt: typeof raw.queued_at === 'string' ? raw.queued_at : null,
      body: splitEntry(text)?.body ?? '',
    });
  }
  return items.sort((a, b) => (b.front.score ?? 0) - (a.front.score ?? 0) || String(a.queuedAt).localeCompare(String(b.queuedAt)));
}

/** Find queued items by id (a unique prefix of at least 4 characters also works). */
export function pick(items: readonly ReviewItem[], ids: readonly string[], queueDir: string): ReviewItem[] {
  return ids.map((id) => {
    const exact = items.find((i) => i.id === id);
    const prefix = id.length >= 4 ? items.filter((i) => i.id.startsWith(id)) : [];
    const hit = exact ?? (prefix.length === 1 ? prefix[0] : undefined);
    if (!hit) {
      throw new StraitfeedError('REVIEW_NOT_FOUND', `no queued item with id ${id} (see \`straitfeed review list\`)`, {
        stage: 'review',
        where: queueDir,
      });
    }
    return hit;
  });
}

/**
 * Publish a queued item: write it to entries/ as a new entry, then remove it from the queue.
 * In that order, so that a crash in between leaves a duplicate queue file (recognised as already
 * published by its key) rather than a lost item.
 */
export async function approveItem(item: ReviewItem, entriesDir: string, taken?: Set<string>): Promise<string> {
  const name = await writeNewEntry(entriesDir, item.front, taken, item.body);
  await removeItem(item);
  return name;
}

export async function removeItem(item: ReviewItem): Promise<void> {
  await slowWrites();
  await rm(item.file, { force: true });
}
