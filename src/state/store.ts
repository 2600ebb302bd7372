/**
 * Watcher state: entries/.straitfeed/state.json, written atomically.
 *
 * State is a cache of facts, not the record: the entry files are the source of truth for what
 * was appended (see scan.ts). What state alone knows is validators and checksums (losing them
 * costs one full fetch), dropped and duplicate keys (losing them costs one re-decision),
 * tombstones, backoff and the last run's summary.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { StraitfeedError } from '../errors.js';
import type { CycleSummary } from '../jobs/summary.js';
import { writeFileAtomic } from './atomic.js';
import { slowWrites } from './slow.js';

export interface SourceState {
  etag: string | null;
  lastModified: string | null;
  /** sha256 of the last processed body. */
  checksum: string | null;
  /** Consecutive failures; 0 after a success. */
  errors: number;
  lastError: string | null;
  /** Not fetched again before this instant (RFC 3339), after failures or a Retry-After. */
  nextTryAt: string | null;
  lastFetchAt: string | null;
}

export interface Tombstone {
  at: string;
  reason: 'rejected' | 'deleted';
  title: string | null;
  /** The story's own date (rejected items), for the near-duplicate window. */
  date?: string;
}

export interface WatchState {
  version: 1;
  /** Keyed by the configured source URL. */
  sources: Record<string, SourceState>;
  /** Keys decided `drop`, or recognised as another outlet's copy: not decided again. */
  seen: Record<string, { at: string; as: 'dropped' | 'duplicate' }>;
  /** Key → entry file name of every entry the watcher appended (to notice deleted entries). */
  appended: Record<string, string>;
  tombstones: Record<string, Tombstone>;
  /** Set before output/ is rebuilt and cleared after: a crash in between rebuilds next time. */
  buildPending: boolean;
  lastRun: CycleSummary | null;
}

export function emptyState(): WatchState {
  return { version: 1, sources: {}, seen: {}, appended: {}, tombstones: {}, buildPending: false, lastRun: null };
}

export function emptySourceState(): SourceState {
  return { etag: null, lastModified: null, checksum: null, errors: 0, lastError: null, nextTryAt: null, lastFetchAt: null };
}

export function stateFile(config: ResolvedConfig): string {
  return path.join(config.paths.state, 'state.json');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read state.json; a missing file is an empty state, an unreadable one is STATE_CORRUPT. */
export async function loadState(config: ResolvedConfig): Promise<WatchState> {
  const file = stateFile(config);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new StraitfeedError('STATE_CORRUPT', `cannot read state (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
      stage: 'state',
      where: file,
      cause: e,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // Written atomically, so this is a hand edit gone wrong. Never overwrite it silently:
    // the tombstones in it are the only record of rejected items.
    throw new StraitfeedError('STATE_CORRUPT', 'not valid JSON; fix it or move it away (entries are kept, tombstones would be lost)', {
      stage: 'state',
      where: file,
      cause: e,
    });
  }
  if (!isRecord(raw) || raw.version !== 1) {
    throw new StraitfeedError('STATE_CORRUPT', 'not a straitfeed state file (version 1)', { stage: 'state', where: file });
  }
  const base = emptyState();
  const sources: Record<string, SourceState> = {};
  if (isRecord(raw.sources)) {
    for (const [url, s] of Object.entries(raw.sources)) if (isRecord(s)) sources[url] = { ...emptySourceState(), ...(s as Partial<SourceState>) };
  }
  return {
    ...base,
    sources,
    seen: isRecord(raw.seen) ? (raw.seen as WatchState['seen']) : {},
    appended: isRecord(raw.appended) ? (raw.appended as WatchState['appended']) : {},
    tombstones: isRecord(raw.tombstones) ? (raw.tombstones as WatchState['tombstones']) : {},
    buildPending: raw.buildPending === true,
    lastRun: isRecord(raw.lastRun) ? (raw.lastRun as unknown as CycleSummary) : null,
  };
}

/** Write state.json atomically (temp file + rename). */
export async function saveState(config: ResolvedConfig, state: WatchState): Promise<void> {
  await slowWrites();
  await writeFileAtomic(stateFile(config), `${JSON.stringify(state, null, 2)}\n`);
}

/** Forget dropped/duplicate keys older than this: feeds do not carry items that long. */
export const SEEN_TTL_MS = 90 * 86_400_000;

export function pruneSeen(state: WatchState, now: Date): void {
  const cutoff = now.getTime() - SEEN_TTL_MS;
  for (const [k, v] of Object.entries(state.seen)) if (Date.parse(v.at) < cutoff) delete state.seen[k];
}
