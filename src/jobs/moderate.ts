/**
 * Approving and rejecting queued items, under the site lock, in a crash-safe order:
 *  - approve: entry file → remove queue file → state (appended, buildPending) → rebuild → state.
 *  - reject: tombstone in state → remove queue file.
 * A crash between any two steps is finished by the next cycle's ledger (a queue file whose key
 * is already an entry or tombstoned is removed; an entry unknown to state triggers a rebuild).
 */
import type { ResolvedConfig } from '../config.js';
import { approveItem, listQueue, pick, removeItem, type ReviewItem } from '../entries/review.js';
import { identities } from '../pipeline/dedupe.js';
import { buildSite, type BuildResult } from '../publish/index.js';
import { withLock } from '../state/lock.js';
import { scanEntries } from '../state/scan.js';
import { slowWrites } from '../state/slow.js';
import { loadState, saveState } from '../state/store.js';

function lockOpts(config: ResolvedConfig, command: string) {
  return { stateDir: config.paths.state, command, waitMs: config.watch.lockWaitMs };
}

export async function queued(config: ResolvedConfig): Promise<ReviewItem[]> {
  return listQueue(config.paths.review);
}

export interface Approved {
  id: string;
  file: string;
}

export async function approve(
  config: ResolvedConfig,
  ids: readonly string[],
  build: typeof buildSite = buildSite,
): Promise<{ approved: Approved[]; build: BuildResult }> {
  return withLock(lockOpts(config, 'review approve'), async () => {
    const state = await loadState(config);
    const items = pick(await listQueue(config.paths.review), ids, config.paths.review);
    const scan = await scanEntries(config.paths.entries);
    const taken = new Set(scan.entries.map((e) => e.file));
    const approved: Approved[] = [];
    for (const item of items) {
      const existing = scan.byIdentity.get(item.front.key);
      const file = existing ?? (await approveItem(item, config.paths.entries, taken));
      if (existing) await removeItem(item);
      state.appended[item.front.key] = file;
      approved.push({ id: item.id, file });
    }
    state.buildPending = true;
    await saveState(config, state);
    await slowWrites();
    const result = await build(config);
    state.buildPending = false;
    await saveState(config, state);
    return { approved, build: result };
  });
}

export async function reject(config: ResolvedConfig, ids: readonly string[], now: Date = new Date()): Promise<ReviewItem[]> {
  return withLock(lockOpts(config, 'review reject'), async () => {
    const state = await loadState(config);
    const items = pick(await listQueue(config.paths.review), ids, config.paths.review);
    for (const item of items) {
      const f = item.front;
      const keys = new Set([f.key, ...identities({ guid: f.guid, link: f.link, title: f.title, summary: null, content: null }, f.source_feed)]);
      for (const k of keys) if (!k.startsWith('h:') || k === f.key) state.tombstones[k] = { at: now.toISOString(), reason: 'rejected', title: f.title, date: String(f.date) };
    }
    await saveState(config, state);
    for (const item of items) await removeItem(item);
    return items;
  });
}
