/** Two `check` processes at once: the site lock lets one write at a time; nothing is doubled. */
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleSummary } from '../../src/jobs/summary.js';
import { runCli, spawnCli, type CliResult } from '../helpers/cli.js';
import { startServer, type FixtureServer } from '../helpers/server.js';
import { makeSite } from '../helpers/site.js';
import { BORDERLINE, OFF_TOPIC, ON_TOPIC_1, ON_TOPIC_2, politeFeed, rss } from './watch-fixtures.js';
import { TEST_TOPIC } from './watch-topic.js';

describe('concurrent checks', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer({ '/alpha.xml': politeFeed(rss('Alpha', [ON_TOPIC_1, ON_TOPIC_2, BORDERLINE, OFF_TOPIC])) });
  });
  afterAll(() => server.close());

  const site = (watch: Record<string, unknown>) =>
    makeSite({ topic: TEST_TOPIC, sources: [{ name: 'Alpha Wire', url: `${server.url}/alpha.xml` }], watch });

  it('started together, one appends and the other waits and appends nothing', async () => {
    const s = await site({ lock_wait_seconds: 60 });
    try {
      const env = { STRAITFEED_TEST_SLOW_WRITES_MS: '20' };
      const [a, b] = await Promise.all([
        runCli(['check', '--json', '--config', s.config], { env }),
        runCli(['check', '--json', '--config', s.config], { env }),
      ]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      const appended = [a, b].map((r) => (JSON.parse(r.stdout) as CycleSummary).totals.appended).sort();
      expect(appended).toEqual([0, 2]);
      const names = (await readdir(s.entries)).filter((n) => n.endsWith('.md'));
      expect(names).toHaveLength(2);
      expect((await readdir(path.join(s.entries, '.straitfeed/review'))).filter((n) => n.endsWith('.md'))).toHaveLength(1);
      await expect(access(path.join(s.entries, '.straitfeed/lock'))).rejects.toThrow();
    } finally {
      await s.cleanup();
    }
  });

  it('without lock_wait_seconds the second exits 1 naming the holder', async () => {
    const s = await site({ lock_wait_seconds: 0 });
    try {
      const first = spawnCli(['check', '--config', s.config], { env: { STRAITFEED_TEST_SLOW_WRITES_MS: '300' } });
      first.stdin!.end();
      const done = new Promise<number | null>((r) => first.on('close', (code) => r(code)));
      const lock = path.join(s.entries, '.straitfeed/lock');
      while (!(await access(lock).then(() => true, () => false))) await new Promise((r) => setTimeout(r, 10));
      const holder = JSON.parse(await readFile(lock, 'utf8')) as { pid: number };
      const second: CliResult = await runCli(['check', '--config', s.config]);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`locked by pid ${holder.pid} \\(check\\), started \\d{4}-`));
      expect(await done).toBe(0);
      expect((await readdir(s.entries)).filter((n) => n.endsWith('.md'))).toHaveLength(2);
    } finally {
      await s.cleanup();
    }
  });
});
