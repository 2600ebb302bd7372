/**
 * PLACEHOLDER (reading work): fetch or read a source, decode, parse. Used by `inspect` and the
 * watch cycle. The signature is the contract; the reading work fills in the body.
 */
import type { ResolvedConfig } from '../config.js';
import type { ParsedFeed } from '../model.js';

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

/** Fetch (http/https URL) or read (local path) a source, decode it and parse it. */
export async function readSource(_source: string, _opts: ReadOptions): Promise<ReadResult> {
  throw new Error('readSource: not implemented yet');
}
