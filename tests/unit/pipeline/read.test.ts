import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../../src/config.js';
import { readSource } from '../../../src/pipeline/read.js';
import { FIXTURES, fixtureBytes } from '../../fixtures/feeds/catalog.js';
import { conditional } from '../../helpers/hostile.js';
import { fixed, startServer, type FixtureServer } from '../../helpers/server.js';

const fetchConfig: ResolvedConfig['fetch'] = { timeoutMs: 20_000, maxBytes: 1024 * 1024, maxRedirects: 3, userAgent: 'straitfeed-test' };
const big5 = FIXTURES.find((f) => f.name === 'zh-big5')!;
const gbk = FIXTURES.find((f) => f.name === 'zh-gbk-header')!;

let server: FixtureServer;
let dir: string;

beforeAll(async () => {
  server = await startServer({
    '/big5': conditional(fixtureBytes(big5), '"b5"', 'Wed, 06 Mar 2024 06:30:00 GMT', { 'content-type': big5.contentType }),
    '/gbk': fixed(fixtureBytes(gbk), { 'content-type': gbk.contentType }),
  });
  dir = await mkdtemp(path.join(tmpdir(), 'straitfeed-read-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('readSource', () => {
  it('fetches, decodes and parses a URL', async () => {
    const r = await readSource(`${server.url}/big5`, { fetch: fetchConfig });
    expect(r).toMatchObject({ status: 'ok', encoding: 'big5', url: `${server.url}/big5` });
    expect(r.http).toMatchObject({ status: 200, etag: '"b5"', cacheControl: 'max-age=300' });
    expect(r.feed!.items[0]!.title).toBe('臺灣與美國舉行資安聯合演練');
    expect(r.feed!.items[0]!.link).toBe(`${server.url}/news/1001.html`);
  });

  it('uses the HTTP charset when only the header declares it', async () => {
    const r = await readSource(`${server.url}/gbk`, { fetch: fetchConfig });
    expect(r.encoding).toBe('gbk');
    expect(r.feed!.title).toBe('两岸网络安全简讯（GBK）');
  });

  it('answers not-modified on 304', async () => {
    const r = await readSource(`${server.url}/big5`, { fetch: fetchConfig, validators: { etag: '"b5"', lastModified: null } });
    expect(r).toMatchObject({ status: 'not-modified', feed: null, checksum: null, encoding: null });
    expect(r.http?.status).toBe(304);
  });

  it('answers unchanged when the body checksum equals the previous one', async () => {
    const first = await readSource(`${server.url}/gbk`, { fetch: fetchConfig });
    const second = await readSource(`${server.url}/gbk`, { fetch: fetchConfig, previousChecksum: first.checksum });
    expect(second).toMatchObject({ status: 'unchanged', feed: null, checksum: first.checksum });
  });

  it('reads a local file; relative links fall back to the feed\'s own links', async () => {
    const file = path.join(dir, 'big5.xml');
    await writeFile(file, fixtureBytes(big5));
    const r = await readSource(file, { fetch: fetchConfig });
    expect(r).toMatchObject({ status: 'ok', url: file, http: null, encoding: 'big5' });
    expect(r.feed!.items[0]!.link).toBe('https://big5.example.com.tw/news/1001.html');
  });

  it('a missing file is FILE_READ naming the file', async () => {
    const file = path.join(dir, 'missing.xml');
    await expect(readSource(file, { fetch: fetchConfig })).rejects.toMatchObject({
      code: 'FILE_READ',
      message: `fetch: ${file}: no such file`,
    });
  });

  it('reads a file: URL like a path', async () => {
    const file = path.join(dir, 'with space.xml');
    await writeFile(file, fixtureBytes(big5));
    const r = await readSource(pathToFileURL(file).href, { fetch: fetchConfig });
    expect(r).toMatchObject({ status: 'ok', url: file });
  });

  it('refuses other URL schemes as FETCH_BAD_URL, not as a missing file', async () => {
    await expect(readSource('ftp://example.test/feed.xml', { fetch: fetchConfig })).rejects.toMatchObject({ code: 'FETCH_BAD_URL' });
  });

  it('passes the language hint to dates', async () => {
    const file = path.join(dir, 'cst.xml');
    await writeFile(file, '<rss version="2.0"><channel><title>t</title><item><title>a</title><pubDate>Tue, 02 Jan 2024 10:00:00 CST</pubDate></item></channel></rss>');
    const r = await readSource(file, { fetch: fetchConfig, languageHint: 'zh-TW' });
    expect(r.feed!.items[0]!.published).toBe('2024-01-02T02:00:00Z');
  });
});
