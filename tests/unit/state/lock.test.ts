import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StraitfeedError } from '../../../src/errors.js';
import { acquireLock, lockFile, processAlive, withLock } from '../../../src/state/lock.js';

describe('site lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sf-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid;

  it('is exclusive and names its holder', async () => {
    const lock = await acquireLock({ stateDir: dir, command: 'check', waitMs: 0 });
    const err = await acquireLock({ stateDir: dir, command: 'check', waitMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StraitfeedError);
    expect((err as StraitfeedError).code).toBe('LOCK_HELD');
    expect((err as StraitfeedError).message).toContain(`locked by pid ${process.pid} (check)`);
    await lock.release();
    const again = await acquireLock({ stateDir: dir, command: 'check', waitMs: 0 });
    await again.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('waits for the holder when allowed to', async () => {
    const lock = await acquireLock({ stateDir: dir, command: 'start', waitMs: 0 });
    const waiting = acquireLock({ stateDir: dir, command: 'check', waitMs: 5000, pollMs: 10 });
    setTimeout(() => void lock.release(), 50);
    const got = await waiting;
    expect(got.info.command).toBe('check');
    await got.release();
  });

  it.each([
    ['a dead process', () => JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: 'x', command: 'check' })],
    ['a half-written file', () => ''],
  ])('recovers a stale lock left by %s', async (_what, content) => {
    await writeFile(lockFile(dir), content());
    const lock = await acquireLock({ stateDir: dir, command: 'check', waitMs: 0 });
    expect(lock.info.pid).toBe(process.pid);
    await lock.release();
  });

  it("does not break another machine's lock", async () => {
    await writeFile(lockFile(dir), JSON.stringify({ pid: deadPid(), host: 'other-host.example', startedAt: 'x', command: 'check' }));
    await expect(acquireLock({ stateDir: dir, command: 'check', waitMs: 0 })).rejects.toThrow(/locked by pid/);
  });

  it('releases after a failing job', async () => {
    await expect(withLock({ stateDir: dir, command: 'x', waitMs: 0 }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });

  it('knows live from dead processes', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(deadPid())).toBe(false);
  });
});
