/**
 * Read one source: fetch (http/https URL) or read (local path), decode, parse. Used by `inspect`
 * and the watch cycle; the only place that knows the order of these three stages.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '../config.js';
import { StraitfeedError } from '../errors.js';
import type { ParsedFeed } from '../model.js';
import { decodeBody } from './decode.js';
import { fetchFeed } from './fetch.js';
import { parseFeed } from './parse/index.js';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface ReadOptions {
  fetch: ResolvedConfig['fetch'];
  /** Sent as If-None-Match / If-Modified-Since. */
  validators?: Validators | undefined;
  /** sha256 of the last body: an identical body gives status 'unchanged' without parsing. */
  previousChecksum?: string | null | undefined;
  /** The configured language of the source, a hint for dates (CST = +08:00) and matching. */
  languageHint?: string | null | undefined;
  signal?: AbortSignal | undefined;
}

export interface ReadResult {
  /** The final URL after redirects, or the absolute file path. */
  url: string;
  status: 'ok' | 'not-modified' | 'unchanged';
  http: {
    status: number;
    etag: string | null;
    lastModified: string | null;
    retryAfterSeconds: number | null;
    cacheControl: string | null;
  } | null;
  /** sha256 hex of the body bytes (null for 304). */
  checksum: string | null;
  /** The encoding the body was decoded from, e.g. 'utf-8', 'big5'. */
  encoding: string | null;
  /** null unless status is 'ok'. */
  feed: ParsedFeed | null;
}

/**
 * Anything with a URL scheme but file: goes to the fetcher (which refuses all but http/https with
 * FETCH_BAD_URL, rather than a confusing "no such file" for `ftp://...`); the rest is a file path.
 */
export function isUrl(source: string): boolean {
  const s = source.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^file:/i.test(s);
}

async function readLocal(source: string): Promise<{ file: string; body: Buffer }> {
  let file: string;
  try {
    file = path.resolve(/^file:/i.test(source) ? fileURLToPath(source) : source);
  } catch (e) {
    throw new StraitfeedError('FILE_READ', 'not a valid file: URL', { stage: 'fetch', where: source, cause: e });
  }
  try {
    return { file, body: await readFile(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code})`;
    throw new StraitfeedError('FILE_READ', why, { stage: 'fetch', where: file, cause: e });
  }
}

/** Fetch (http/https URL) or read (local path) a source, decode it and parse it. */
export async function readSource(source: string, opts: ReadOptions): Promise<ReadResult> {
  let url: string;
  let body: Buffer;
  let contentType: string | null = null;
  let http: ReadResult['http'] = null;
  let checksum: string;
  let baseUrl: string;
  let where: string;
  if (isUrl(source)) {
    const r = await fetchFeed(source.trim(), { fetch: opts.fetch, validators: opts.validators, signal: opts.signal });
    url = r.url;
    baseUrl = r.url;
    where = r.url;
    http = { status: r.status, etag: r.etag, lastModified: r.lastModified, retryAfterSeconds: r.retryAfterSeconds, cacheControl: r.cacheControl };
    if (r.status === 304 || r.checksum === null) {
      return { url, status: 'not-modified', http, checksum: null, encoding: null, feed: null };
    }
    body = r.body;
    contentType = r.contentType;
    checksum = r.checksum;
  } else {
    const local = await readLocal(source);
    url = local.file;
    baseUrl = pathToFileURL(local.file).href;
    where = local.file;
    body = local.body;
    checksum = createHash('sha256').update(body).digest('hex');
  }
  if (opts.previousChecksum && opts.previousChecksum === checksum) {
    return { url, status: 'unchanged', http, checksum, encoding: null, feed: null };
  }
  const decoded = decodeBody(body, { contentType });
  const feed = await parseFeed(decoded.text, baseUrl, { languageHint: opts.languageHint, where });
  feed.warnings.unshift(...decoded.warnings.map((w) => `decode: ${w}`));
  return { url, status: 'ok', http, checksum, encoding: decoded.encoding, feed };
}
