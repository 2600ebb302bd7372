/**
 * The fetch stage: the only user of Node's global `fetch` (undici). One GET with a total timeout
 * that really aborts, a byte cap applied while streaming, manual redirects, conditional GET and
 * a sha256 of the body. Every failure is a StraitfeedError (`fetch: URL: ...`).
 *
 * Why not rss-parser's parseURL: no size cap, a timeout that rejects but never aborts the socket,
 * no conditional GET, no gzip.
 */
import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config.js';
import { StraitfeedError, type ErrorCode } from '../errors.js';

export interface FetchValidators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchOptions {
  fetch: ResolvedConfig['fetch'];
  validators?: FetchValidators | undefined;
  /** An outer cancel (the watcher shutting down); combined with the timeout. */
  signal?: AbortSignal | undefined;
}

export interface FetchResult {
  /** 200..299 or 304. Anything else is thrown as FETCH_HTTP. */
  status: number;
  /** The URL after redirects. */
  url: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  retryAfterSeconds: number | null;
  cacheControl: string | null;
  /** The decoded (gunzipped) body; empty for 304. */
  body: Buffer;
  /** sha256 hex of `body`; null for 304. */
  checksum: string | null;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function fail(code: ErrorCode, url: string, message: string, extra: { cause?: unknown; details?: Record<string, unknown> } = {}): StraitfeedError {
  return new StraitfeedError(code, message, { stage: 'fetch', where: url, cause: extra.cause, details: extra.details });
}

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3); returns seconds from `now`. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.ceil((t - now) / 1000));
}

function checkUrl(raw: string, from: string | null): URL {
  let u: URL;
  try {
    u = from === null ? new URL(raw) : new URL(raw, from);
  } catch (e) {
    throw from === null
      ? fail('FETCH_BAD_URL', raw, 'not a valid URL', { cause: e })
      : fail('FETCH_BAD_REDIRECT', from, `redirect to an invalid URL: ${raw}`, { cause: e });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw from === null
      ? fail('FETCH_BAD_URL', raw, `only http and https URLs can be fetched, not ${u.protocol}`)
      : fail('FETCH_BAD_REDIRECT', from, `redirect to a non-http(s) URL refused: ${u.href}`);
  }
  return u;
}

/** A one-line reason from undici's nested causes ("fetch failed" alone says nothing). */
function networkReason(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur instanceof Error; i++) {
    const code = (cur as NodeJS.ErrnoException).code;
    parts.push(code ? `${cur.message} (${code})` : cur.message);
    cur = cur.cause ?? (cur instanceof AggregateError ? cur.errors[0] : undefined);
  }
  return parts.filter((p) => p && p !== 'fetch failed').at(-1) ?? parts[0] ?? String(e);
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

/** Fetch `url`, following at most `maxRedirects` http(s) redirects, within one total timeout. */
export async function fetchFeed(url: string, opts: FetchOptions): Promise<FetchResult> {
  const { timeoutMs, maxBytes, maxRedirects, userAgent } = opts.fetch;
  let current = checkUrl(url, null);
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: ACCEPT,
    // undici decodes these itself, and the byte cap below counts the decoded bytes.
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;

  const aborted = (e: unknown): StraitfeedError =>
    timeout.aborted
      ? fail('FETCH_TIMEOUT', current.href, `no complete answer within ${timeoutMs / 1000} s`, { cause: e })
      : fail('FETCH_NETWORK', current.href, 'cancelled', { cause: e });

  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(current, { headers, redirect: 'manual', signal });
    } catch (e) {
      if (isAbort(e) || signal.aborted) throw aborted(e);
      throw fail('FETCH_NETWORK', current.href, networkReason(e), { cause: e });
    }
    if (REDIRECT_STATUSES.has(res.status)) {
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get('location');
      if (!location) throw fail('FETCH_BAD_REDIRECT', current.href, `HTTP ${res.status} without a Location header`);
      if (hop >= maxRedirects) throw fail('FETCH_REDIRECTS', url, `more than ${maxRedirects} redirects (last to ${location})`);
      current = checkUrl(location, current.href);
      continue;
    }
    const meta = {
      url: current.href,
      contentType: res.headers.get('content-type'),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
      retryAfterSeconds: parseRetryAfter(res.headers.get('retry-after')),
      cacheControl: res.headers.get('cache-control'),
    };
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { status: 304, ...meta, body: Buffer.alloc(0), checksum: null };
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      const retry = meta.retryAfterSeconds === null ? '' : ` (retry after ${meta.retryAfterSeconds} s)`;
      throw fail('FETCH_HTTP', current.href, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${retry}`, {
        details: { status: res.status, retryAfterSeconds: meta.retryAfterSeconds },
      });
    }
    const body = await readCapped(res, maxBytes, current.href, signal, aborted);
    return { status: res.status, ...meta, body, checksum: createHash('sha256').update(body).digest('hex') };
  }
}

/** Read the (already decompressed) body, stopping as soon as it passes `maxBytes`. */
async function readCapped(
  res: Response,
  maxBytes: number,
  url: string,
  signal: AbortSignal,
  aborted: (e: unknown) => StraitfeedError,
): Promise<Buffer> {
  const tooLarge = (): StraitfeedError => fail('FETCH_TOO_LARGE', url, `body larger than ${maxBytes} bytes`, { details: { maxBytes } });
  const declared = Number(res.headers.get('content-length'));
  // Content-Length counts the encoded bytes; it only proves "too large" when nothing is compressed.
  if (!res.headers.get('content-encoding') && Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof StraitfeedError) throw e;
    if (isAbort(e) || signal.aborted) throw aborted(e);
    throw fail('FETCH_NETWORK', url, `reading the body failed: ${networkReason(e)}`, { cause: e });
  }
  return Buffer.concat(chunks, total);
}
