/**
 * What the site already knows at the start of a cycle, rebuilt from the files that are the
 * record (entries/ and the review queue) plus state.json's dropped keys and tombstones. Then
 * reconciled: entries that state does not know (a crash after the entry was written) and
 * watcher entries that disappeared (deleted by an editor: tombstoned so they never come back).
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { listQueue, removeItem, type ReviewItem } from '../entries/review.js';
import { identities, type StoryRef } from '../pipeline/dedupe.js';
import { scanEntries } from '../state/scan.js';
import type { WatchState } from '../state/store.js';

export interface Candidate extends StoryRef {
  /** Absolute path of the entry or queue file carrying the story; null for a rejected story. */
  file: string | null;
}

export interface Ledger {
  /** Every identity known to the site (entries, queue, dropped, duplicates, tombstones). */
  known: Map<string, { file: string | null; source: string | null; cycle?: boolean }>;
  tombstoned: Set<string>;
  /** Stories appended or queued, for near-duplicate checks. */
  candidates: Candidate[];
  /** Entry file names in use (including the ones written this cycle). */
  taken: Set<string>;
  queue: ReviewItem[];
}

export interface Reconciled {
  ledger: Ledger;
  /** Something in entries/ changed since the last build. */
  changed: boolean;
}

/** Identities of a queued item: its key plus what its guid and link say. */
function queuedIdentities(item: ReviewItem): string[] {
  const ids = identities({ guid: item.front.guid, link: item.front.link, title: item.front.title, summary: null, content: null }, item.front.source_feed);
  return [item.front.key, ...ids.filter((i) => i !== item.front.key && !i.startsWith('h:'))];
}

export async function buildLedger(config: ResolvedConfig, state: WatchState, now: Date): Promise<Reconciled> {
  const scan = await scanEntries(config.paths.entries);
  let changed = false;
  const known: Ledger['known'] = new Map();
  const candidates: Candidate[] = [];
  const tombstoned = new Set(Object.keys(state.tombstones));

  for (const e of scan.entries) {
    const file = path.join(config.paths.entries, e.file);
    for (const id of e.identities) if (!known.has(id)) known.set(id, { file, source: e.source });
    candidates.push({ title: e.title, date: e.date, source: e.source, file });
  }

  // Appended entries that are gone were deleted by an editor: never append them again.
  for (const [key, file] of Object.entries(state.appended)) {
    if (!scan.byIdentity.has(key)) {
      state.tombstones[key] = { at: now.toISOString(), reason: 'deleted', title: file };
      tombstoned.add(key);
      delete state.appended[key];
      changed = true;
    }
  }
  // Entries that state does not list: written just before a crash (or approved by a run that
  // crashed before saving), or added by an editor. Either way output/ must catch up, and from
  // now on their deletion is noticed (and tombstoned) like any other.
  for (const e of scan.entries) {
    const key = e.identities[0];
    if (key !== undefined && state.appended[key] === undefined) {
      state.appended[key] = e.file;
      changed = true;
    }
  }

  const queue: ReviewItem[] = [];
  for (const item of await listQueue(config.paths.review)) {
    const ids = queuedIdentities(item);
    // Already published or rejected, and the run crashed before removing the queue file.
    if (ids.some((id) => scan.byIdentity.has(id) || tombstoned.has(id))) {
      await removeItem(item);
      continue;
    }
    queue.push(item);
    for (const id of ids) if (!known.has(id)) known.set(id, { file: item.file, source: item.front.source });
    candidates.push({ title: item.front.title, date: String(item.front.date), source: item.front.source, file: item.file });
  }

  // A rejected story stays rejected when another outlet carries it under another URL.
  const rejected = new Set<string>();
  for (const t of Object.values(state.tombstones)) {
    if (t.reason !== 'rejected' || !t.title || rejected.has(t.title)) continue;
    rejected.add(t.title);
    candidates.push({ title: t.title, date: t.date ?? t.at, source: null, file: null });
  }

  for (const id of Object.keys(state.seen)) if (!known.has(id)) known.set(id, { file: null, source: null });
  for (const id of tombstoned) if (!known.has(id)) known.set(id, { file: null, source: null });

  return { ledger: { known, tombstoned, candidates, taken: new Set(scan.entries.map((e) => e.file)), queue }, changed };
}
