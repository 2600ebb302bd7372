import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { StraitfeedError } from '../../src/errors.js';
import { errorFrom } from '../helpers/errors.js';

const good = `site:
  title: "T"
  url: "https://example.org/feeds"
sources:
  - name: A
    url: https://a.example/rss
`;

function errorOf(text: string): StraitfeedError {
  return errorFrom(() => resolveConfig(text, '/site/straitfeed.yaml'));
}

describe('resolveConfig', () => {
  it('fills defaults and resolves paths against the config folder', () => {
    const c = resolveConfig(good, '/site/straitfeed.yaml');
    expect(c.site.url).toBe('https://example.org/feeds/');
    expect(c.site.limit).toBe(50);
    expect(c.schedule).toBe('*/30 * * * *');
    expect(c.paths.entries).toBe('/site/entries');
    expect(c.paths.output).toBe('/site/output');
    expect(c.paths.state).toBe('/site/entries/.straitfeed');
    expect(c.fetch).toMatchObject({ timeoutMs: 20_000, maxBytes: 15 * 1024 * 1024, maxRedirects: 5 });
    expect(c.fetch.userAgent).toMatch(/^straitfeed\/\d+\.\d+\.\d+ \(\+https:\/\/example\.org\/feeds\/\)$/);
    expect(c.sources).toEqual([{ name: 'A', url: 'https://a.example/rss', language: null, enabled: true }]);
    expect(c.server).toEqual({ host: '127.0.0.1', port: 8080 });
  });

  it.each([
    ['a non-http site url', good.replace('https://example.org/feeds', 'ftp://x'), 'site.url', 3],
    ['an unknown key', good.replace('  title: "T"', '  title: "T"\n  titel: "U"'), 'site.titel', 3],
    ['a missing title', good.replace('  title: "T"\n', ''), 'site.title', 1],
    ['a bad source url', good.replace('https://a.example/rss', 'not a url'), 'sources[0].url', 6],
    ['a wrong type', `${good}watch:\n  concurrency: "four"\n`, 'watch.concurrency', 8],
    ['a bad cron schedule', `${good}schedule: "every hour"\n`, 'schedule', 7],
  ])('rejects %s, naming the key and line', (_what, text, key, line) => {
    const e = errorOf(text);
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain(key);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(/^config: \/site\/straitfeed\.yaml:\d+: /);
  });

  it('rejects YAML syntax errors with their line', () => {
    const e = errorOf('site:\n  title: "T\n  url: x\n');
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('not valid YAML');
    expect(e.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects duplicate keys', () => {
    expect(errorOf(`${good}schedule: "* * * * *"\nschedule: "*/5 * * * *"\n`).code).toBe('CONFIG_INVALID');
  });
});

describe('VERSION', () => {
  it('is the version in package.json (the User-Agent and --version use it)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { VERSION } = await import('../../src/config.js');
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
