import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../../src/config.js';
import { StraitfeedError } from '../../../src/errors.js';
import { fetchFeed, parseRetryAfter } from '../../../src/pipeline/fetch.js';
import {
  compressed,
  conditional,
  drip,
  hang,
  huge,
  redirect,
  redirectLoop,
  resetMidBody,
  status,
} from '../../helpers/hostile.js';
import { fixed, startServer, type FixtureServer } from '../../helpers/server.js';
import { rejectionFrom } from '../../helpers/errors.js';

// Generous, so a loaded machine never fails a good response; the timeout cases pass their own.
const config: ResolvedConfig['fetch'] = {
  timeoutMs: 20_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  userAgent: 'straitfeed/0.1.0 (+https://example.org/feeds/)',
};

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>ok</title></channel></rss>';
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer({
    '/ok': fixed(RSS, { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'max-age=60' }),
    '/hang': hang,
    '/drip': drip,
    '/reset': resetMidBody,
    '/huge-declared': huge(50 * 1024 * 1024, { declareLength: true }),
    '/huge-chunked': huge(50 * 1024 * 1024, { declareLength: false }),
    '/gzip': compressed(Buffer.from(RSS), 'gzip'),
    '/br': compressed(Buffer.from(RSS), 'br'),
    '/deflate': compressed(Buffer.from(RSS), 'deflate'),
    '/gzip-bomb': compressed(Buffer.alloc(8 * 1024 * 1024, 0x20), 'gzip'),
    '/corrupt-gzip': fixed(Buffer.from('this is not gzip at all, though the header says so'), { 'content-encoding': 'gzip' }),
    '/to-ok': redirect('/ok', 301),
    '/to-relative': redirect('ok', 308),
    '/to-file': redirect('file:///etc/passwd'),
    '/to-ftp': redirect('ftp://127.0.0.1/feed.xml'),
    '/no-location': status(302),
    '/cond': conditional(RSS, '"v1"', 'Tue, 02 Jan 2024 10:00:00 GMT'),
    '/404': status(404, {}, 'nope'),
    '/429': status(429, { 'retry-after': '120' }),
    '/503-date': status(503, { 'retry-after': new Date(Date.now() + 3600_000).toUTCString() }),
    '/500': status(500),
  });
  for (let i = 0; i < 10; i++) server.route(`/loop/${i}`, redirectLoop);
});
afterAll(() => server.close());

async function failure(path: string, extra: Partial<ResolvedConfig['fetch']> = {}): Promise<StraitfeedError> {
  return rejectionFrom(() => fetchFeed(`${server.url}${path}`, { fetch: { ...config, ...extra } }));
}

describe('fetchFeed', () => {
  it('returns status, final URL, validators, Cache-Control and a sha256 of the body', async () => {
    const r = await fetchFeed(`${server.url}/to-ok`, { fetch: config });
    expect(r.status).toBe(200);
    expect(r.url).toBe(`${server.url}/ok`);
    expect(r.body.toString()).toBe(RSS);
    expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(r.cacheControl).toBe('max-age=60');
    expect(r.contentType).toBe('application/rss+xml; charset=utf-8');
  });

  it('sends the User-Agent, a feed Accept header and gzip/deflate/br', async () => {
    await fetchFeed(`${server.url}/ok`, { fetch: config });
    const req = server.requests.filter((r) => r.path === '/ok').at(-1)!;
    expect(req.headers['user-agent']).toBe(config.userAgent);
    expect(req.headers.accept).toContain('application/rss+xml');
    expect(req.headers.accept).toContain('application/atom+xml');
    expect(req.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it.each(['/gzip', '/br', '/deflate'])('decodes %s bodies', async (path) => {
    const r = await fetchFeed(`${server.url}${path}`, { fetch: config });
    expect(r.body.toString()).toBe(RSS);
  });

  it('sends validators and reports 304 without a body', async () => {
    const first = await fetchFeed(`${server.url}/cond`, { fetch: config });
    expect(first).toMatchObject({ status: 200, etag: '"v1"', lastModified: 'Tue, 02 Jan 2024 10:00:00 GMT' });
    const second = await fetchFeed(`${server.url}/cond`, { fetch: config, validators: { etag: first.etag, lastModified: first.lastModified } });
    expect(second.status).toBe(304);
    expect(second.checksum).toBeNull();
    const req = server.requests.filter((r) => r.path === '/cond').at(-1)!;
    expect(req.headers['if-none-match']).toBe('"v1"');
    expect(req.headers['if-modified-since']).toBe('Tue, 02 Jan 2024 10:00:00 GMT');
  });

  it('follows a relative Location', async () => {
    expect((await fetchFeed(`${server.url}/to-relative`, { fetch: config })).url).toBe(`${server.url}/ok`);
  });

  it.each(['/hang', '/drip'])('%s ends in FETCH_TIMEOUT when the total timeout passes', async (path) => {
    const e = await failure(path, { timeoutMs: 1500 });
    expect(e.code).toBe('FETCH_TIMEOUT');
    expect(e.message).toMatch(/^fetch: http:\/\/127\.0\.0\.1:\d+\/(hang|drip): no complete answer within 1\.5 s$/);
  });

  it.each([
    ['/reset', 'FETCH_NETWORK', /reading the body failed: .*other side closed/],
    ['/corrupt-gzip', 'FETCH_NETWORK', /reading the body failed: /],
    ['/huge-declared', 'FETCH_TOO_LARGE', /body larger than 1048576 bytes/],
    ['/huge-chunked', 'FETCH_TOO_LARGE', /body larger than 1048576 bytes/],
    ['/gzip-bomb', 'FETCH_TOO_LARGE', /body larger than 1048576 bytes/],
    ['/loop/0', 'FETCH_REDIRECTS', /more than 3 redirects/],
    ['/to-file', 'FETCH_BAD_REDIRECT', /non-http\(s\) URL refused: file:\/\/\/etc\/passwd/],
    ['/to-ftp', 'FETCH_BAD_REDIRECT', /non-http\(s\) URL refused/],
    ['/no-location', 'FETCH_BAD_REDIRECT', /without a Location header/],
    ['/404', 'FETCH_HTTP', /HTTP 404/],
    ['/500', 'FETCH_HTTP', /HTTP 500/],
  ])('%s ends in %s, one line naming the URL', async (path, code, message) => {
    const e = await failure(path);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/^fetch: http:\/\/127\.0\.0\.1:\d+\//);
    expect(e.message).not.toContain('\n');
  });

  it('reports 429 with its Retry-After in details', async () => {
    const e = await failure('/429');
    expect(e.code).toBe('FETCH_HTTP');
    expect(e.details).toEqual({ status: 429, retryAfterSeconds: 120 });
    expect(e.message).toContain('retry after 120 s');
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const e = await failure('/503-date');
    expect(e.details.status).toBe(503);
    expect(e.details.retryAfterSeconds).toBeGreaterThan(3500);
    expect(e.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it('a refused connection is FETCH_NETWORK with the reason', async () => {
    const closed = await startServer();
    const url = `${closed.url}/feed.xml`;
    await closed.close();
    const e = await fetchFeed(url, { fetch: config }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(StraitfeedError);
    expect((e as StraitfeedError).code).toBe('FETCH_NETWORK');
    expect((e as StraitfeedError).message).toContain(`fetch: ${url}: `);
    expect((e as StraitfeedError).message).toContain('ECONNREFUSED');
  });

  it.each(['ftp://example.org/feed', 'not a url', 'file:///etc/passwd'])('refuses %s as FETCH_BAD_URL', async (url) => {
    await expect(fetchFeed(url, { fetch: config })).rejects.toMatchObject({ code: 'FETCH_BAD_URL' });
  });

  it('an outer signal cancels the request', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    await expect(fetchFeed(`${server.url}/hang`, { fetch: { ...config, timeoutMs: 10_000 }, signal: ctl.signal })).rejects.toMatchObject({
      code: 'FETCH_NETWORK',
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-01-02T10:00:00Z');
  it.each([
    ['120', 120],
    ['0', 0],
    ['Tue, 02 Jan 2024 10:05:00 GMT', 300],
    ['Tue, 02 Jan 2024 09:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('%s → %s', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});
