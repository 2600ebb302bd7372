/**
 * The built output through real readers from Debian's packages: xmllint (well-formed),
 * python3-feedparser (not bozo), newsboat (every item stored with title and date intact),
 * jing with the RFC 4287 schema, and a JSON Feed 1.1 check. Two sites: a copy of this
 * repository's own site and the hostile-entries fixture.
 *
 * A missing tool skips its tests with a message, unless STRAITFEED_REQUIRE_INTEROP=1 (CI):
 * then it is a failure.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadEntries } from '../../src/entries/read.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { copySite, FIXTURES } from '../fixtures/publish/sites.js';
import { checkJsonFeed11 } from './jsonfeed.js';

const HERE = path.join(ROOT, 'tests/interop');
const REQUIRE = process.env.STRAITFEED_REQUIRE_INTEROP === '1';
const PY = '/usr/bin/python3';

function works(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

const TOOLS = {
  xmllint: () => works('xmllint', ['--version']),
  feedparser: () => works(PY, ['-c', 'import feedparser']),
  newsboat: () => works('newsboat', ['-v']) && works('sqlite3', ['-version']),
  jing: () => works('sh', ['-c', 'command -v jing']),
};
type Tool = keyof typeof TOOLS;
const present = Object.fromEntries(Object.entries(TOOLS).map(([k, f]) => [k, f()])) as Record<Tool, boolean>;

const warned = new Set<Tool>();

/** A test that needs `tool`: skipped with a message, or failed when CI requires the tool. */
function toolIt(tool: Tool, name: string, fn: () => void | Promise<void>): void {
  if (present[tool]) return void it(name, fn);
  const why = `interop: ${tool} is not installed (apt-get install python3-feedparser newsboat sqlite3 libxml2-utils jing)`;
  if (REQUIRE) return void it(name, () => expect.fail(`${why}; STRAITFEED_REQUIRE_INTEROP=1 makes this a failure`));
  if (!warned.has(tool)) console.warn(`${why}: skipping its tests`);
  warned.add(tool);
  it.skip(name, fn);
}

function run(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Expected {
  id: string;
  title: string;
  /** Publication instant, RFC 3339 UTC. */
  date: string;
}

interface Built {
  output: string;
  expected: Expected[];
  cleanup(): Promise<void>;
}

/** Build a site with the real CLI; what the readers must show comes from the entries themselves. */
async function build(dir: string, cleanup: () => Promise<void>): Promise<Built> {
  const configFile = path.join(dir, 'straitfeed.yaml');
  const r = await runCli(['build', '--config', configFile]);
  if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
  const config = await loadConfig(configFile);
  const entries = (await loadEntries(config)).slice(0, config.site.limit);
  return { output: config.paths.output, expected: entries.map((e) => ({ id: e.id, title: e.title, date: e.date })), cleanup };
}

async function repoSite(): Promise<Built> {
  const dir = await mkdtemp(path.join(tmpdir(), 'straitfeed-repo-'));
  await cp(path.join(ROOT, 'straitfeed.yaml'), path.join(dir, 'straitfeed.yaml'));
  await cp(path.join(ROOT, 'entries'), path.join(dir, 'entries'), { recursive: true });
  return build(dir, () => rm(dir, { recursive: true, force: true }));
}

async function hostileSite(): Promise<Built> {
  const site = await copySite('hostile');
  return build(site.dir, site.cleanup);
}

const unix = (iso: string): number => Date.parse(iso) / 1000;

describe.each([
  ['the repository site', repoSite],
  ['the hostile-entries site', hostileSite],
])('%s', (_name, make) => {
  let site: Built;
  beforeAll(async () => {
    site = await make();
    expect(site.expected.length).toBeGreaterThan(0);
  });
  afterAll(() => site.cleanup());
  const file = (name: string): string => path.join(site.output, name);

  for (const name of ['feed.xml', 'atom.xml', 'feed.xsl']) {
    toolIt('xmllint', `xmllint: ${name} is well-formed`, () => {
      const r = run('xmllint', ['--noout', '--nonet', file(name)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }

  toolIt('jing', 'jing: atom.xml is valid against the RFC 4287 RELAX NG schema', () => {
    const r = run('jing', ['-c', path.join(FIXTURES, '..', 'atom.rnc'), file('atom.xml')]);
    // Debian's jing wrapper warns on stderr about optional jars it cannot find; not our file.
    const stderr = r.stderr.split('\n').filter((l) => l && !/^\[warning\] .*jing: Unable to locate/.test(l));
    expect(r.stdout).toBe('');
    expect(stderr).toEqual([]);
    expect(r.status).toBe(0);
  });

  for (const name of ['feed.xml', 'atom.xml']) {
    toolIt('feedparser', `feedparser: ${name} is not bozo and shows every item as written`, () => {
      const r = run(path.join(HERE, 'feedparser_check.py'), [file(name)]);
      const parsed = JSON.parse(r.stdout) as { bozo: number; bozo_exception: string | null; entries: Expected[] };
      expect(parsed.bozo_exception).toBeNull();
      expect(parsed.bozo).toBe(0);
      expect(parsed.entries.map((e) => ({ id: e.id, title: e.title, date: e.date }))).toEqual(site.expected);
    });

    toolIt('newsboat', `newsboat: ${name} stores every item with its title and date`, () => {
      const r = run(path.join(HERE, 'newsboat-load.sh'), [file(name)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const stored = JSON.parse(r.stdout) as { guid: string; title: string; pubDate: number }[];
      const byId = new Map(stored.map((s) => [s.guid, s]));
      expect(stored).toHaveLength(site.expected.length);
      for (const e of site.expected) {
        expect(byId.get(e.id), e.id).toMatchObject({ title: e.title, pubDate: unix(e.date) });
      }
    });
  }

  it('JSON Feed 1.1: feed.json meets the spec and carries every item as written', async () => {
    const text = await readFile(file('feed.json'), 'utf8');
    expect(checkJsonFeed11(text)).toEqual([]);
    const items = (JSON.parse(text) as { items: { id: string; title: string; date_published: string }[] }).items;
    expect(items.map((i) => ({ id: i.id, title: i.title, date: i.date_published }))).toEqual(site.expected);
  });
});
