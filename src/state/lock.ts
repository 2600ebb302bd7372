/**
 * The site lock: entries/.straitfeed/lock holds {pid, host, startedAt, command} of the process
 * that may write entries/, the review queue and state. A second writer waits up to `waitMs`,
 * then fails with LOCK_HELD naming the holder. A lock left by a dead process is taken over.
 *
 * The lock file is created complete or not at all: its content is written to a temp file that
 * is then hard-linked to the lock name (link fails if the name exists), so nobody ever reads a
 * half-written lock.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { StraitfeedError } from '../errors.js';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface Lock {
  file: string;
  info: LockInfo;
  release(): Promise<void>;
}

export function lockFile(stateDir: string): string {
  return path.join(stateDir, 'lock');
}

/** Whether a process with this pid exists (EPERM means it exists but is not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as Partial<LockInfo>;
    if (typeof v.pid !== 'number') return null;
    return { pid: v.pid, host: String(v.host ?? ''), startedAt: String(v.startedAt ?? ''), command: String(v.command ?? '') };
  } catch {
    return null;
  }
}

function isStale(info: LockInfo | null): boolean {
  // Another machine's pid cannot be checked (a shared folder): trust it, the user can delete it.
  if (!info) return true;
  if (info.host && info.host !== hostname()) return false;
  return !processAlive(info.pid);
}

async function tryCreate(file: string, info: LockInfo): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(info));
  try {
    await link(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * Move a stale lock out of the way. Renaming first (instead of deleting) means two processes
 * breaking the same stale lock cannot delete each other's fresh one: whoever renames a lock that
 * turns out to be live puts it back.
 */
async function breakStale(file: string, seen: LockInfo | null): Promise<void> {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(file, aside);
  } catch {
    return; // gone already: someone else broke it
  }
  const got = await readLock(aside);
  const same = got === null ? seen === null : seen !== null && got.pid === seen.pid && got.startedAt === seen.startedAt;
  if (!same && got && !isStale(got)) {
    await link(aside, file).catch(() => {});
  }
  await rm(aside, { force: true });
}

export interface AcquireOptions {
  stateDir: string;
  command: string;
  /** How long to wait for a live holder; 0 fails at once. */
  waitMs: number;
  pollMs?: number;
}

export async function acquireLock(opts: AcquireOptions): Promise<Lock> {
  await mkdir(opts.stateDir, { recursive: true });
  const file = lockFile(opts.stateDir);
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command: opts.command };
  const deadline = Date.now() + opts.waitMs;
  for (;;) {
    if (await tryCreate(file, info)) {
      let released = false;
      return {
        file,
        info,
        release: async () => {
          if (released) return;
          released = true;
          const now = await readLock(file);
          if (now && now.pid === info.pid && now.startedAt === info.startedAt) await rm(file, { force: true });
        },
      };
    }
    const holder = await readLock(file);
    if (isStale(holder)) {
      await breakStale(file, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder ? `pid ${holder.pid}${holder.command ? ` (${holder.command})` : ''}, started ${holder.startedAt}` : 'another process';
      throw new StraitfeedError('LOCK_HELD', `the site is locked by ${who}; wait for it to finish or raise watch.lock_wait_seconds`, {
        stage: 'state',
        where: file,
        details: { holder },
      });
    }
    await new Promise((r) => setTimeout(r, Math.min(opts.pollMs ?? 100, Math.max(1, deadline - Date.now()))));
  }
}

/** Run `fn` holding the lock, releasing it afterwards even if `fn` throws. */
export async function withLock<T>(opts: AcquireOptions, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(opts);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
