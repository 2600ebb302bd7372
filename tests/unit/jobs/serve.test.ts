import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveInside } from '../../../src/jobs/serve.js';

describe('contentType', () => {
  it.each([
    ['feed.xml', '<?xml version="1.0"?><rss version="2.0">', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'application/atom+xml; charset=utf-8'],
    ['feed.json', '{"version":"https://jsonfeed.org/version/1.1"', 'application/feed+json; charset=utf-8'],
    ['data.json', '{"a":1}', 'application/json; charset=utf-8'],
    ['index.html', '<!doctype html>', 'text/html; charset=utf-8'],
    ['feed.xsl', '<xsl:stylesheet', 'text/xsl; charset=utf-8'],
    ['style.xml', '<xsl:stylesheet version="1.0">', 'application/xslt+xml; charset=utf-8'],
    ['logo.png', '', 'image/png'],
    ['blob.bin', '', 'application/octet-stream'],
  ])('%s → %s', (file, head, type) => {
    expect(contentType(file, head)).toBe(type);
  });
});

describe('resolveInside', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    outside = await mkdtemp(path.join(tmpdir(), 'sf-serve-'));
    root = path.join(outside, 'output');
    await mkdir(path.join(root, 'sub'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), 'x');
    await writeFile(path.join(root, 'sub/index.html'), 'x');
    await writeFile(path.join(outside, 'secret.txt'), 'x');
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
  });
  afterAll(() => rm(outside, { recursive: true, force: true }));

  it.each([
    ['/', 'index.html'],
    ['/sub/', 'sub/index.html'],
    ['/sub', 'sub/index.html'],
    ['/index.html', 'index.html'],
  ])('%s → %s', async (p, want) => {
    expect(await resolveInside(root, p)).toBe(path.join(await import('node:fs/promises').then((f) => f.realpath(root)), want));
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/sub/..%2f..%2fsecret.txt', '/link.txt', '/a%00b', '/%E0%A4%A', '/missing'])(
    'refuses %s',
    async (p) => {
      expect(await resolveInside(root, p)).toBeNull();
    },
  );
});
